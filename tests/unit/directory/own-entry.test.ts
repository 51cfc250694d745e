import { describe, expect, it } from 'vitest';
import { ownEntrySchema } from '@shared/hsds/own-entry';

const paths = (value: unknown) => {
  const parsed = ownEntrySchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('ownEntrySchema: what an own directory entry needs before it is saved', () => {
  it('accepts a named entry with a linkable e-mail and web page, or with neither', () => {
    expect(paths({ name: 'Safe House', emails: ['help@example.org'], url: 'https://example.org/help' })).toEqual([]);
    expect(paths({ name: 'Safe House', emails: [], url: null })).toEqual([]);
  });

  it('refuses a blank name and an address or page the directory would not turn into a link', () => {
    expect(paths({ name: '   ', emails: [], url: null })).toEqual(['name']);
    // A query or a second recipient would ride along in a mailto: link; a page must be https on a public host.
    expect(paths({ name: 'A', emails: ['help@example.org?attach=/etc/passwd'], url: 'http://example.org' })).toEqual(['emails.0', 'url']);
    expect(paths({ name: 'A', emails: ['a@example.org,b@example.org'], url: 'https://localhost/' })).toEqual(['emails.0', 'url']);
  });

  it('checks only the e-mail the form edits: further ones came with an import and stay as they were', () => {
    expect(paths({ name: 'A', emails: ['help@example.org', 'not an address'], url: null })).toEqual([]);
  });
});
