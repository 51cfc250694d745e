// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRecordStore, openRecordStore, type WaypointRecords, type WaypointStore } from '@renderer/db';
import {
  deleteOwnEntry,
  keepUnchangedLists,
  loadNote,
  loadUserDirectory,
  mergeDirectory,
  mergeLists,
  ownEntryDeletion,
  saveNote,
  saveOwnRecords,
  setFavourite,
} from '@renderer/features/directory/data';
import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { newKey, uniqueDbName } from '../db/helpers';
import { shippedDirectory } from '../directory-io/fixtures';

type Store = WaypointStore;

const shipped = shippedDirectory();

async function openStore(): Promise<Store> {
  return openRecordStore<WaypointRecords>(await newKey(), { dbName: uniqueDbName() });
}

function ownEntry(id: string, name: string, organizationId: string | null = null): DirectoryEntry {
  return {
    id,
    organizationId,
    name,
    alternateName: null,
    description: 'Short-stay shelter (test data).',
    countries: ['IE'],
    services: ['shelter'],
    populations: [],
    channels: ['phone'],
    languages: ['en'],
    is24x7: null,
    hours: null,
    phones: [{ number: '+353 1 555 0199', type: 'voice', description: null, emergencyRoles: [] }],
    emails: [],
    url: null,
    fallback: false,
    confidentialAddress: true,
    verified: false,
    confidence: 'inferred',
    checked: null,
    readBy: null,
    sourceDate: null,
    notes: null,
    sources: [],
  };
}

function ownOrganization(id: string, address: string): DirectoryOrganization {
  return {
    id,
    name: 'Lantern House',
    alternateName: null,
    description: '',
    website: null,
    emails: [],
    phones: [],
    headquarters: { address, city: null, country: 'IE', confidential: true },
    verified: false,
    confidence: 'inferred',
    checked: null,
    readBy: null,
    sourceDate: null,
    notes: null,
    sources: [],
  };
}

const lantern = '0b8f4c2e-5d1a-4e7b-9c3f-6a2d8e1f4b01';
const harbour = '0b8f4c2e-5d1a-4e7b-9c3f-6a2d8e1f4b02';
const lanternHouse = '0b8f4c2e-5d1a-4e7b-9c3f-6a2d8e1f4b10';

async function directoryOf(store: Store) {
  return mergeDirectory(shipped, await loadUserDirectory(store));
}

afterEach(() => closeRecordStore());

describe('deleting an own directory entry', () => {
  it('removes the entry with its private note, its favourite mark and the organization made for it, and nothing else', async () => {
    const store = await openStore();
    await saveOwnRecords(
      store,
      [ownEntry(lantern, 'Lantern House Shelter', lanternHouse), ownEntry(harbour, 'Harbour Light')],
      [ownOrganization(lanternHouse, '12 Quiet Lane')],
      'added',
    );
    const shippedId = shipped.entries[0]!.id;
    for (const id of [lantern, harbour, shippedId]) {
      await saveNote(store, id, `Note on ${id}`);
      await setFavourite(store, id, true);
    }

    const deletion = ownEntryDeletion(await directoryOf(store), lantern);
    expect(deletion).toEqual({ entryId: lantern, organizationId: lanternHouse, withNoteAndFavourite: true });
    await deleteOwnEntry(store, deletion!);

    const after = await directoryOf(store);
    expect(after.entries.find((e) => e.id === lantern)).toBeUndefined();
    expect(after.origins.has(lantern)).toBe(false);
    expect(after.favourites).toEqual(new Set([harbour, shippedId]));
    expect(await loadNote(store, lantern)).toBe('');
    // The confidential address goes with the entry it belonged to.
    expect(after.organizations.find((o) => o.id === lanternHouse)).toBeUndefined();
    expect(JSON.stringify([await store.list('orgNotes'), await store.list('ownDirectory')])).not.toContain('Quiet Lane');
    // Everything else is as it was.
    expect(after.entries).toHaveLength(shipped.entries.length + 1);
    expect(await loadNote(store, harbour)).toBe(`Note on ${harbour}`);
    expect(await loadNote(store, shippedId)).toBe(`Note on ${shippedId}`);
  });

  it('writes in one transaction: one call that deletes every record or none', async () => {
    const store = await openStore();
    await saveOwnRecords(store, [ownEntry(lantern, 'Lantern House Shelter')], [], 'added');
    await saveNote(store, lantern, 'Ask for Mary.');
    const deleteIn = vi.spyOn(store, 'deleteIn');
    const deleteOne = vi.spyOn(store, 'delete');
    await deleteOwnEntry(store, ownEntryDeletion(await directoryOf(store), lantern)!);
    expect(deleteIn).toHaveBeenCalledTimes(1);
    expect(deleteOne).not.toHaveBeenCalled();

    // A failed write leaves everything in place.
    await saveOwnRecords(store, [ownEntry(harbour, 'Harbour Light')], [], 'added');
    await saveNote(store, harbour, 'Kept');
    deleteIn.mockRejectedValueOnce(new Error('disk full'));
    await expect(deleteOwnEntry(store, ownEntryDeletion(await directoryOf(store), harbour)!)).rejects.toThrow('disk full');
    expect((await directoryOf(store)).origins.has(harbour)).toBe(true);
    expect(await loadNote(store, harbour)).toBe('Kept');
  });

  it('keeps an organization another entry still names', async () => {
    const store = await openStore();
    await saveOwnRecords(
      store,
      [ownEntry(lantern, 'Lantern House Shelter', lanternHouse), ownEntry(harbour, 'Lantern House Advice Line', lanternHouse)],
      [ownOrganization(lanternHouse, '12 Quiet Lane')],
      'imported',
    );
    const deletion = ownEntryDeletion(await directoryOf(store), lantern)!;
    expect(deletion.organizationId).toBeNull();
    await deleteOwnEntry(store, deletion);
    const after = await directoryOf(store);
    expect(after.organizations.find((o) => o.id === lanternHouse)).toBeDefined();
    expect(after.entries.find((e) => e.id === harbour)?.organizationId).toBe(lanternHouse);
  });

  it('never deletes a shipped entry', async () => {
    const store = await openStore();
    expect(ownEntryDeletion(await directoryOf(store), shipped.entries[0]!.id)).toBeUndefined();
    expect(ownEntryDeletion(await directoryOf(store), 'no-such-entry')).toBeUndefined();
  });

  it('deleting an imported version of a shipped entry shows the shipped one again, with its note and favourite', async () => {
    const store = await openStore();
    const original = shipped.entries.find((e) => e.organizationId !== null)!;
    await saveOwnRecords(store, [{ ...original, name: `${original.name} (partner copy)` }], [], 'imported');
    await saveNote(store, original.id, 'Call after 10.');
    await setFavourite(store, original.id, true);

    const deletion = ownEntryDeletion(await directoryOf(store), original.id);
    // The shipped organization is never removed, even though no other entry may name it.
    expect(deletion).toEqual({ entryId: original.id, organizationId: null, withNoteAndFavourite: false });
    await deleteOwnEntry(store, deletion!);

    const after = await directoryOf(store);
    expect(after.entries.find((e) => e.id === original.id)).toEqual(original);
    expect(after.origins.has(original.id)).toBe(false);
    expect(after.favourites.has(original.id)).toBe(true);
    expect(await loadNote(store, original.id)).toBe('Call after 10.');
  });
});

describe('reloading the own records', () => {
  it('keeps the very entry and organization lists while only favourites and notes change', async () => {
    const store = await openStore();
    await saveOwnRecords(store, [ownEntry(lantern, 'Lantern House Shelter', lanternHouse)], [ownOrganization(lanternHouse, '12 Quiet Lane')], 'added');
    const first = await loadUserDirectory(store);
    await setFavourite(store, lantern, true);
    await saveNote(store, lantern, 'Ask for Mary.');
    const second = keepUnchangedLists(first, await loadUserDirectory(store));
    expect(second.favourites).toEqual(new Set([lantern]));
    expect(second.entries).toBe(first.entries);
    expect(second.organizations).toBe(first.organizations);

    // Saving an entry again (an edit) gives new lists, with the edit in them.
    await new Promise((resolve) => setTimeout(resolve, 2)); // a later update time
    await saveOwnRecords(store, [ownEntry(lantern, 'Lantern House Night Shelter', lanternHouse)], [], 'added');
    const third = keepUnchangedLists(second, await loadUserDirectory(store));
    expect(third.entries).not.toBe(second.entries);
    expect(mergeLists(shipped, third).entries.find((e) => e.id === lantern)?.name).toBe('Lantern House Night Shelter');
    // A new organization, or one deleted, gives new lists too.
    await saveOwnRecords(store, [], [ownOrganization(lantern, '3 Harbour Road')], 'added');
    expect(keepUnchangedLists(third, await loadUserDirectory(store)).organizations).not.toBe(third.organizations);
  });
});
