import { describe, expect, it } from 'vitest';
import { describeProblem, maxRecordNesting, parseHsdsJson } from '@shared/hsds/import-read';
import { planImport } from '@shared/hsds/import-plan';

/** service -> service_at_locations[0] -> service -> ..., `levels` services deep, written as text (no recursion to make it). */
function nestedServices(levels: number): string {
  const open = '{"name":"S","status":"active","service_at_locations":[{"service":';
  const close = '}]}';
  return `${open.repeat(levels - 1)}{"name":"S","status":"active"}${close.repeat(levels - 1)}`;
}

/** organization -> services[0] -> organization -> ..., the other loop the spec's shapes allow. */
function nestedOrganizations(levels: number): string {
  return `${'{"name":"O","services":[{"name":"S","status":"active","organization":'.repeat(levels)}{"name":"O"}${'}]}'.repeat(levels)}`;
}

describe('HSDS JSON nested deeper than any real file', () => {
  it.each([
    ['service_at_location', nestedServices],
    ['organization', nestedOrganizations],
  ])('100,000 levels through %s are a translated import problem, not a RangeError', (_, make) => {
    const parsed = parseHsdsJson(make(100_000), 'deep.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ file: 'deep.json', code: 'tooDeep', values: { limit: maxRecordNesting } });
    expect(parsed.errors[0]!.path).toMatch(/^(service_at_locations\[0\]\.service|services\[0\]\.organization)/);
    expect(describeProblem(parsed.errors[0]!)).toContain(`more than ${maxRecordNesting} deep`);
    // The plan shows it as any other problem: nothing to apply.
    expect(planImport(parsed, [])).toMatchObject({ ok: false, errorCount: 1, toAdd: [] });
  });

  it('reads records nested as deep as the limit allows', () => {
    const parsed = parseHsdsJson(nestedServices(maxRecordNesting / 2), 'deep.json');
    expect(parsed.ok).toBe(true);
  });
});
