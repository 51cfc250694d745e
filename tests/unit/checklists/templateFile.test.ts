import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateTemplate, legalRefsOf, maxTemplateFileChars, parseTemplateFile, serializeTemplate, type TemplateFileResult } from '@shared/checklists';
import { sampleTemplate, shippedFiles, shippedTemplate } from './fixtures';

function errorsOf(result: TemplateFileResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}
function withItems(...items: unknown[]): string {
  return JSON.stringify({ ...sampleTemplate, sections: [{ id: 's', title: 'S', items }] });
}

describe('parseTemplateFile: refusals name what and where', () => {
  it('accepts the sample template', () => {
    expect(parseTemplateFile(JSON.stringify(sampleTemplate))).toEqual({ ok: true, template: sampleTemplate });
  });

  it('JSON syntax errors', () => {
    expect(errorsOf(parseTemplateFile('{"id": '))).toEqual([{ path: '(file)', message: expect.stringContaining('is not valid JSON') }]);
  });

  it('wrong types and unknown kinds, with the path to the field', () => {
    const text = JSON.stringify({
      ...sampleTemplate,
      version: '1.x',
      sections: [
        {
          id: 's',
          title: 'S',
          items: [
            { id: 'a', kind: 'check', label: 'A' },
            { id: 'b', kind: 'radio', label: 'B' },
          ],
        },
      ],
    });
    const errors = errorsOf(parseTemplateFile(text));
    expect(errors.map((error) => error.path)).toEqual(['version', 'sections[0].items[1].kind']);
    expect(errors[1]?.message).toContain('must be one of: check, yesNoUnknown');
  });

  it('missing and unknown fields', () => {
    expect(errorsOf(parseTemplateFile(withItems({ id: 'a', kind: 'text', label: 'A', colour: 'red' }, { id: 'b', kind: 'text' })))).toEqual([
      { path: 'sections[0].items[0].colour', message: 'unknown field "colour" is not allowed' },
      { path: 'sections[0].items[1].label', message: 'is required' },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('the key %s anywhere', (key) => {
    const text = withItems({ id: 'a', kind: 'text', label: 'A' }).replace('"label":"A"', `"label":"A","${key}":{"polluted":true}`);
    expect(errorsOf(parseTemplateFile(text))).toEqual([{ path: `sections[0].items[0].${key}`, message: `the key "${key}" is not allowed` }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicate item, section and option ids', () => {
    const text = JSON.stringify({
      ...sampleTemplate,
      sections: [
        { id: 's', title: 'S', items: [{ id: 'a', kind: 'check', label: 'A' }] },
        {
          id: 's',
          title: 'T',
          items: [
            {
              id: 'a',
              kind: 'single',
              label: 'B',
              options: [
                { id: 'o', label: 'O' },
                { id: 'o', label: 'P' },
              ],
            },
          ],
        },
      ],
    });
    expect(errorsOf(parseTemplateFile(text))).toEqual([
      { path: 'sections[1].id', message: 'duplicate section id "s"' },
      { path: 'sections[1].items[0].options[1].id', message: 'duplicate option id "o"' },
      { path: 'sections[1].items[0].id', message: 'duplicate item id "a"' },
    ]);
  });

  it('conditions that refer to unknown or later items, unknown options, or mismatched values', () => {
    const text = withItems(
      { id: 'a', kind: 'text', label: 'A', condition: { item: 'b', equals: 'x' } },
      {
        id: 'b',
        kind: 'multiple',
        label: 'B',
        options: [
          { id: 'o', label: 'O' },
          { id: 'p', label: 'P' },
        ],
      },
      {
        id: 'c',
        kind: 'text',
        label: 'C',
        condition: {
          all: [
            { item: 'ghost', equals: 1 },
            { item: 'b', includes: 'q' },
          ],
        },
      },
      {
        id: 'd',
        kind: 'text',
        label: 'D',
        condition: {
          any: [
            { item: 'b', equals: 'o' },
            { caseField: 'isChild', equals: 'yes' },
          ],
        },
      },
    );
    expect(errorsOf(parseTemplateFile(text))).toEqual([
      { path: 'sections[0].items[0].condition.item', message: 'refers to "b", which is not an item earlier in this template' },
      { path: 'sections[0].items[2].condition.all[0].item', message: 'refers to "ghost", which is not an item earlier in this template' },
      { path: 'sections[0].items[2].condition.all[1].includes', message: '"q" is not an option of item "b"' },
      { path: 'sections[0].items[3].condition.any[0].equals', message: 'cannot compare multiple-choice item "b" with equals; use includes' },
      { path: 'sections[0].items[3].condition.any[1].equals', message: 'must be true, false or null for caseField "isChild"' },
    ]);
  });

  it('malformed conditions point inside the condition', () => {
    const text = withItems(
      { id: 'a', kind: 'check', label: 'A' },
      { id: 'b', kind: 'text', label: 'B', condition: { all: [{ item: 'a', equals: true }, { not: { foo: 1 } }] } },
      { id: 'c', kind: 'text', label: 'C', condition: { item: 'a' } },
    );
    const errors = errorsOf(parseTemplateFile(text));
    expect(errors.map((error) => error.path)).toEqual(['sections[0].items[1].condition.all[1].not', 'sections[0].items[2].condition']);
    expect(errors[0]?.message).toContain('is not a valid condition');
  });

  it('conditions nested too deeply', () => {
    let condition: unknown = { item: 'a', equals: true };
    for (let level = 0; level < 9; level += 1) condition = { not: condition };
    const errors = errorsOf(parseTemplateFile(withItems({ id: 'a', kind: 'check', label: 'A' }, { id: 'b', kind: 'text', label: 'B', condition })));
    expect(errors[0]?.message).toBe('is nested more than 8 levels deep');
  });

  it('legal references in an unknown format', () => {
    const errors = errorsOf(parseTemplateFile(withItems({ id: 'a', kind: 'check', label: 'A', legalRefs: ['palermo-tip-protocol#art-3a', 'Art. 3'] })));
    expect(errors).toEqual([{ path: 'sections[0].items[0].legalRefs[1]', message: expect.stringContaining('<instrument-id>#<provision>') }]);
  });

  it('markers where they have no meaning', () => {
    const errors = errorsOf(parseTemplateFile(withItems({ id: 'a', kind: 'text', label: 'A', element: 'act' })));
    expect(errors).toEqual([{ path: 'sections[0].items[0].element', message: 'unknown field "element" is not allowed' }]);
  });

  it('files that are too large, nested too deeply or have too many entries', () => {
    expect(errorsOf(parseTemplateFile(' '.repeat(maxTemplateFileChars + 1)))[0]?.message).toContain('too large');
    expect(errorsOf(parseTemplateFile('['.repeat(50_000) + ']'.repeat(50_000)))[0]?.message).toContain('nested more than');
    const manySections = Array.from({ length: 201 }, (_, index) => ({ id: `s${index}`, title: 'S', items: [{ id: `i${index}`, kind: 'check', label: 'L' }] }));
    expect(errorsOf(parseTemplateFile(JSON.stringify({ ...sampleTemplate, sections: manySections })))).toEqual([{ path: 'sections', message: expect.stringContaining('200') }]);
    const longLabel = errorsOf(parseTemplateFile(withItems({ id: 'a', kind: 'check', label: 'x'.repeat(10_001) })));
    expect(longLabel[0]?.path).toBe('sections[0].items[0].label');
  });

  it('input that is not a template at all', () => {
    for (const text of ['null', '42', '"text"', '[]', '{}', '']) {
      expect(errorsOf(parseTemplateFile(text)).length).toBeGreaterThan(0);
    }
  });
});

describe('export and import', () => {
  it.each(shippedFiles().map(({ file }) => file.replace(/\.json$/, '')))('%s round-trips deep-equal', (id) => {
    const template = shippedTemplate(id);
    expect(parseTemplateFile(serializeTemplate(template))).toEqual({ ok: true, template });
  });

  it('duplicateTemplate makes an independent copy with its own id and version history', () => {
    const original = shippedTemplate('safety-plan');
    const result = duplicateTemplate(original, 'safety-plan-our-office');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.template).toEqual({ ...original, id: 'safety-plan-our-office', version: 1, basedOn: { id: 'safety-plan', version: original.version } });
    result.template.sections[0]?.items.pop();
    expect(original).toEqual(shippedTemplate('safety-plan'));
    expect(parseTemplateFile(serializeTemplate(result.template)).ok).toBe(true);
  });

  it('duplicateTemplate refuses an invalid new id', () => {
    expect(errorsOf(duplicateTemplate(sampleTemplate, '../evil'))[0]?.path).toBe('id');
  });

  it('legalRefsOf lists each cited provision once, sorted', () => {
    expect(legalRefsOf(shippedTemplate('uk-nrm-prompts'))).toEqual([
      'cets-197#art-10',
      'cets-197#art-13',
      'cets-197#art-26',
      'uk-msa-2015#s-1',
      'uk-msa-2015#s-2',
      'uk-msa-2015#s-45',
      'uk-msa-2015#s-48',
    ]);
    expect(legalRefsOf(sampleTemplate)).toEqual([]);
  });
});

/** Either a template equal to its own re-serialisation, or at least one error with a path and a message. */
function expectWellFormed(result: TemplateFileResult): void {
  if (result.ok) {
    expect(parseTemplateFile(serializeTemplate(result.template))).toEqual(result);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path.length).toBeGreaterThan(0);
      expect(error.message.length).toBeGreaterThan(0);
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object and array in a JSON value, so a mutation can target any of them. */
function containers(value: Json): Array<Json[] | { [key: string]: Json }> {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value : Object.values(value);
  return [value, ...children.flatMap(containers)];
}

const mutation = fc.record({
  target: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'addKey', 'duplicate'),
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'id', 'kind', 'condition', 'items', 'options', 'equals')),
  value: fc.jsonValue({ maxDepth: 3 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(base: Json, mutations: Mutation[]): Json {
  const copy = structuredClone(base);
  for (const { target, op, key, value } of mutations) {
    const all = containers(copy);
    const node = all[target % all.length];
    if (!node) continue;
    if (Array.isArray(node)) {
      const index = node.length === 0 ? 0 : target % node.length;
      if (op === 'delete') node.splice(index, 1);
      else if (op === 'duplicate' && node.length > 0) node.push(structuredClone(node[index] as Json));
      else node[index] = value as Json;
      continue;
    }
    const keys = Object.keys(node);
    const existing = keys[target % Math.max(keys.length, 1)];
    // defineProperty, so that "__proto__" becomes a real key, as JSON.parse would make it.
    const set = (name: string, newValue: unknown) => Object.defineProperty(node, name, { value: newValue, enumerable: true, writable: true, configurable: true });
    if (op === 'addKey') set(key, value);
    else if (existing === undefined) continue;
    else if (op === 'delete') Reflect.deleteProperty(node, existing);
    else if (op === 'duplicate') set(key, structuredClone(node[existing]));
    else set(existing, value);
  }
  return copy;
}

describe('parseTemplateFile never throws (property-based)', () => {
  const bases = shippedFiles().map(({ text }) => JSON.parse(text) as Json);

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => expectWellFormed(parseTemplateFile(text))),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(parseTemplateFile(JSON.stringify(value) ?? ''))),
      { numRuns: 300 },
    );
  });

  it('on mutated valid templates', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const result = parseTemplateFile(JSON.stringify(mutate(base, mutations)));
        expectWellFormed(result);
      }),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('mutations are not all refused: valid edits still parse', () => {
    const base = bases[0] as { title: string };
    expect(parseTemplateFile(JSON.stringify({ ...base, title: 'Another title' })).ok).toBe(true);
  });
});
