import { describe, expect, it } from 'vitest';
import { mergeDirectory } from '@renderer/features/directory/data';
import type { UserDirectory } from '@renderer/features/directory/data';
import { directoryStamp } from '@shared/directory-search/prebuilt';
import { shippedDirectory } from '../directory-io/fixtures';

const shipped = shippedDirectory();
const user = (entries: UserDirectory['entries'], organizations: UserDirectory['organizations'] = []): UserDirectory => ({
  entries,
  organizations,
  favourites: new Set(),
  unreadable: 0,
  version: '',
});

describe('the shipped head of the merged directory (what a prebuilt search index can stand for)', () => {
  it('is the shipped directory, first and unchanged, when own records only add', () => {
    const own = { ...shipped.entries[0]!, id: 'own-1', name: 'My own contact' };
    const merged = mergeDirectory(shipped, user([{ entry: own, origin: 'added' }], [{ ...shipped.organizations[0]!, id: 'own-org' }]));
    expect(merged.shippedHead).toEqual({ data: directoryStamp(shipped), count: shipped.entries.length });
    expect(merged.entries.slice(0, shipped.entries.length)).toEqual(shipped.entries);
    expect(merged.entries.at(-1)).toBe(own);
  });

  it('is none when an own record takes the place of a shipped entry or organization', () => {
    const renamed = { ...shipped.entries[1]!, name: 'Renamed here' };
    expect(mergeDirectory(shipped, user([{ entry: renamed, origin: 'added' }])).shippedHead).toBeNull();
    expect(mergeDirectory(shipped, user([], [{ ...shipped.organizations[0]!, name: 'Renamed' }])).shippedHead).toBeNull();
  });
});
