// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore } from '@renderer/db';
import { deleteCustomTemplate, saveCustomTemplate } from '@renderer/features/checklists/data';
import { newKey, openRaw, serialiseRow, uniqueDbName } from '../db/helpers';
import { shippedTemplate } from '../checklists/fixtures';

afterEach(() => closeRecordStore());

describe('custom templates in the encrypted store', () => {
  it('are saved, replaced and deleted, with their creation time inside the ciphertext only', async () => {
    const dbName = uniqueDbName();
    const store = await openRecordStore(await newKey(), { dbName });
    const template = { ...shippedTemplate('immediate-safety-needs'), id: 'my-template', title: 'My own intake' };
    const createdAt = '2026-03-02T10:15:42.123Z';
    await saveCustomTemplate(store, 'record-1', { template, createdAt });
    await saveCustomTemplate(store, 'record-1', { template: { ...template, title: 'My own intake, v2' }, createdAt });

    const [saved, ...others] = await store.list('templates');
    expect(others).toEqual([]);
    expect(saved).toMatchObject({ id: 'record-1', kind: 'template', index: {}, data: { createdAt, template: { title: 'My own intake, v2' } } });
    const raw = await openRaw(dbName);
    const text = serialiseRow(await raw.table('templates').toArray());
    raw.close();
    for (const secret of [createdAt, String(Date.parse(createdAt)), 'my-template', 'My own intake']) expect(text).not.toContain(secret);

    await deleteCustomTemplate(store, 'record-1');
    expect(await store.list('templates')).toEqual([]);
    expect(await store.count('tombstones')).toBe(1);
  });
});
