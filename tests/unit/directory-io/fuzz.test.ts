import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHsdsJson, exportHsdsPackage } from '@shared/hsds/export';
import { importProblemCodes } from '@shared/hsds/import-problems';
import { describeProblem, parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { applyImportPlan, planImport } from '@shared/hsds/import-plan';
import type { ImportPlan } from '@shared/hsds/import-plan';
import { shippedDirectory, specCsvPackage, specJsonExamples } from './fixtures';

const shipped = shippedDirectory();
const existing = shipped.entries.slice(0, 5);
const small = { entries: shipped.entries.slice(0, 6), organizations: shipped.organizations.slice(0, 3) };
const validJson = [exportHsdsJson(small), ...Object.values(specJsonExamples())];
const validPackages = [exportHsdsPackage(small), specCsvPackage()];

/** A failed plan must say why, in words, and must apply nothing. */
function expectCleanOutcome(plan: ImportPlan): void {
  if (plan.ok) return;
  expect(plan.errors.length).toBeGreaterThan(0);
  for (const problem of plan.errors) {
    expect(importProblemCodes).toContain(problem.code);
    // Every value its text names is given: no placeholder is left in the English line.
    expect(describeProblem(problem)).toMatch(/: \S/);
    expect(describeProblem(problem)).not.toContain('{{');
  }
  expect([plan.toAdd, plan.toUpdate, plan.unchanged]).toEqual([[], [], []]);
  expect(applyImportPlan(plan, existing)).toEqual({ ok: false, errors: plan.errors });
}

const mutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 5, unit: 'binary' }) });
function mutate(text: string, m: { at: number; remove: number; insert: string }): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  return text.slice(0, at) + m.insert + text.slice(at + m.remove);
}

describe('hostile or broken input never throws and is rejected with a clear error', () => {
  it('random text as JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        expectCleanOutcome(planImport(parseHsdsJson(text, 'x.json'), existing));
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON values shaped like HSDS', () => {
    const record = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'status',
        'phones',
        'organization',
        'contents',
        'service',
        'location',
        'location_type',
        '__proto__',
        'format',
        'services',
        'organizations',
        'addresses',
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(fc.oneof(record, fc.array(record, { maxLength: 3 })), (value) => {
        expectCleanOutcome(planImport(parseHsdsJson(JSON.stringify(value), 'x.json'), existing));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated valid JSON files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validJson), fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        expectCleanOutcome(planImport(parseHsdsJson(mutations.reduce(mutate, text), 'x.json'), existing));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('random CSV text in every table of a package', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('services.csv', 'organizations.csv', 'phones.csv', 'datapackage.json', 'attributes.csv', 'service_at_location.csv'),
          fc.string({ unit: 'binary' }),
        ),
        (files) => {
          expectCleanOutcome(planImport(parseHsdsPackage(files), existing));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mutated valid packages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validPackages), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), (files, mutations) => {
        const copy = { ...files };
        const names = Object.keys(copy);
        for (const [pick, m] of mutations) {
          const name = names[pick % names.length]!;
          copy[name] = mutate(copy[name]!, m);
        }
        expectCleanOutcome(planImport(parseHsdsPackage(copy), existing));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('a package whose services name a missing organization is refused as a whole', () => {
    const files = exportHsdsPackage(small);
    const lines = files['organizations.csv']!.split('\r\n');
    const plan = planImport(parseHsdsPackage({ ...files, 'organizations.csv': [lines[0], ...lines.slice(2)].join('\r\n') }), existing);
    expect(plan.ok).toBe(false);
    expect(plan.errors).toContainEqual({ file: 'services.csv', row: expect.any(Number) as number, field: 'organization_id', code: 'noOrganization' });
    expect(applyImportPlan(plan, existing)).toMatchObject({ ok: false });
  });
});
