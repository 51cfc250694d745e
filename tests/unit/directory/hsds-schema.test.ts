import { describe, expect, it } from 'vitest';
import { hsdsValidators } from './hsds-validator';
import type { HsdsObject } from './hsds-validator';
import { loadBundledHsds } from './load';

const hsds = loadBundledHsds();
const lists: Record<HsdsObject, { id: string }[]> = {
  organization: hsds.organizations,
  service: hsds.services,
  taxonomy: hsds.taxonomies,
  taxonomy_term: hsds.taxonomy_terms,
};

describe.each([
  { label: 'the HSDS 3.0 schemas', strictFields: false },
  { label: 'the HSDS 3.0 schemas with no extra fields allowed', strictFields: true },
])('bundled directory against $label', ({ strictFields }) => {
  const validators = hsdsValidators({ strictFields });

  it.each(Object.keys(lists) as HsdsObject[])('every %s record is valid', (kind) => {
    // Read the id first: ajv's validator is a type guard, which narrows a failed record to `never`.
    const failures = lists[kind].flatMap(({ id, ...rest }) => (validators[kind]({ id, ...rest }) ? [] : [{ id, errors: validators[kind].errors }]));
    expect(failures).toEqual([]);
    expect(lists[kind].length).toBeGreaterThan(0);
  });
});

describe('the validator itself', () => {
  const { service, organization } = hsdsValidators({ strictFields: true });
  const sample = structuredClone(hsds.services[0]!);

  it('accepts a sample service', () => {
    expect(service(sample)).toBe(true);
  });

  it('rejects an id that is not a UUID', () => {
    expect(service({ ...sample, id: 'us-hotline' })).toBe(false);
  });

  it('rejects a service without a status', () => {
    const { status: _status, ...withoutStatus } = sample;
    expect(service(withoutStatus)).toBe(false);
  });

  it('rejects a nested phone without a number', () => {
    expect(service({ ...sample, phones: [{ id: sample.id }] })).toBe(false);
  });

  it('rejects a field HSDS does not define, in strict-field mode', () => {
    expect(service({ ...sample, verified: true })).toBe(false);
  });

  it('rejects an organization website that is not a URI', () => {
    expect(organization({ ...hsds.organizations[0]!, website: 'not a uri' })).toBe(false);
  });
});
