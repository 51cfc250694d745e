import fc from 'fast-check';
import type { DirectoryEntry, Provenance } from '@shared/hsds/directory';
import { confidences } from '@shared/hsds/taxonomy';

let serial = 0;

/** A directory entry with every field empty but a unique id and name; give it the fields a test needs. */
export function directoryEntry(fields: Partial<DirectoryEntry>): DirectoryEntry {
  serial++;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    organizationId: null,
    name: `Entry ${serial}`,
    alternateName: null,
    description: '',
    countries: [],
    services: [],
    populations: [],
    channels: [],
    languages: [],
    is24x7: null,
    hours: null,
    phones: [],
    emails: [],
    url: null,
    fallback: false,
    confidentialAddress: false,
    verified: false,
    confidence: 'inferred',
    checked: null,
    readBy: null,
    sourceDate: null,
    notes: null,
    sources: [],
    ...fields,
  };
}

/** The provenance of an entry or organization, with `text` for its notes and sources. */
export function provenanceArbitrary(text: fc.Arbitrary<string>, maxSources: number): fc.Arbitrary<Provenance> {
  return fc
    .record({
      confidence: fc.constantFrom(...confidences),
      checked: fc.option(fc.constantFrom('2026-12-07', '2025'), { nil: null }),
      readBy: fc.option(fc.constantFrom('2026-11-28'), { nil: null }),
      sourceDate: fc.option(fc.constantFrom('2016', '2016-10'), { nil: null }),
      notes: fc.option(text, { nil: null }),
      sources: fc.array(text, { maxLength: maxSources }),
    })
    .map((p) => ({ ...p, verified: p.confidence === 'seen-official' }));
}
