// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore, type WaypointTable } from '@renderer/db';
import type { RestorePlan } from '@renderer/db/transfer';
import { newestLocalChange } from '@renderer/features/backup/api';
import { initialRestoreState, olderThanDevice, restoreReducer, type Checked, type RestoreAction, type RestoreState } from '@renderer/features/backup/restore-state';
import { newKey, uniqueDbName } from '../db/helpers';

afterEach(() => closeRecordStore());

const file = new File(['x'], 'waypoint-backup-2026-12-01.wpbackup');

function checkedAt(createdAt: number, newest: number | null): Checked {
  return {
    manifest: { formatVersion: 1, appVersion: '0.1.0', createdAt, counts: { cases: 1 } },
    records: [],
    settings: null,
    fileName: file.name,
    newestLocalChange: newest,
  };
}

function plan(mode: RestorePlan['mode']): RestorePlan {
  return { mode, writes: {}, added: 0, conflicts: [], replaced: 0, deletedSkipped: 0, deletes: {}, total: 0 };
}

function run(actions: RestoreAction[], from: RestoreState = initialRestoreState): RestoreState {
  return actions.reduce(restoreReducer, from);
}

describe('restoreReducer', () => {
  it('goes from a chosen file through the check and the plan to a restore, forgetting the passphrase once checked', () => {
    const checked = checkedAt(1_000, 500);
    let state = run([
      { type: 'fileChosen', file },
      { type: 'passphraseTyped', passphrase: 'backup passphrase here' },
      { type: 'checkStarted' },
      { type: 'progress', label: 'Reading the file', percent: 40 },
    ]);
    expect(state).toMatchObject({ busy: 'checking', progress: { percent: 40 }, passphrase: 'backup passphrase here' });
    state = run(
      [
        { type: 'checked', checked },
        { type: 'planStarted', request: 1, mode: 'replace' },
      ],
      state,
    );
    expect(state).toMatchObject({ checked, passphrase: '', progress: null, busy: 'planning', plan: null });
    state = run([{ type: 'planReady', request: 1, plan: plan('replace') }, { type: 'restoreStarted' }], state);
    expect(state).toMatchObject({ busy: 'restoring', plan: { mode: 'replace' } });
    state = run([{ type: 'restored', text: 'Restored.' }], state);
    expect(state).toMatchObject({ file: null, checked: null, plan: null, busy: null, restored: true, status: { kind: 'ok', text: 'Restored.' } });
  });

  it('drops a plan that a newer request made stale, and a failure of one', () => {
    const state = run([
      { type: 'checked', checked: checkedAt(1_000, null) },
      { type: 'planStarted', request: 1, mode: 'replace' },
      { type: 'planStarted', request: 2, mode: 'merge' },
      { type: 'planReady', request: 1, plan: plan('replace') },
      { type: 'planFailed', request: 1, text: 'stale failure' },
    ]);
    expect(state).toMatchObject({ mode: 'merge', plan: null, busy: 'planning', status: null });
    expect(restoreReducer(state, { type: 'planReady', request: 2, plan: plan('merge') })).toMatchObject({ plan: { mode: 'merge' }, busy: null });
  });

  it('brings settings along by default when replacing, not when merging', () => {
    const merging = run([
      { type: 'checked', checked: checkedAt(1, null) },
      { type: 'planStarted', request: 1, mode: 'merge' },
    ]);
    expect(merging.withSettings).toBe(false);
    expect(
      run(
        [
          { type: 'withSettings', value: true },
          { type: 'planStarted', request: 2, mode: 'replace' },
        ],
        merging,
      ).withSettings,
    ).toBe(true);
  });

  it('a plan that fails returns to choosing the file, with the message; a failed restore keeps the plan for another try', () => {
    const planned = run([
      { type: 'fileChosen', file },
      { type: 'checked', checked: checkedAt(1, null) },
      { type: 'planStarted', request: 1, mode: 'replace' },
    ]);
    expect(restoreReducer(planned, { type: 'planFailed', request: 1, text: 'Nothing was changed.' })).toMatchObject({
      checked: null,
      file,
      busy: null,
      status: { kind: 'error', text: 'Nothing was changed.' },
    });
    const ready = run([{ type: 'planReady', request: 1, plan: plan('replace') }, { type: 'restoreStarted' }], planned);
    expect(restoreReducer(ready, { type: 'failed', text: 'disk full' })).toMatchObject({ busy: null, plan: { mode: 'replace' }, status: { kind: 'error' } });
  });

  it('cancel returns to the file form and clears the message; a new check clears the last restore', () => {
    const done = run([
      { type: 'fileChosen', file },
      { type: 'checked', checked: checkedAt(1, null) },
      { type: 'restored', text: 'ok' },
    ]);
    expect(restoreReducer(done, { type: 'checkStarted' })).toMatchObject({ restored: false, status: null, busy: 'checking' });
    const checked = run([
      { type: 'checked', checked: checkedAt(1, null) },
      { type: 'failed', text: 'x' },
    ]);
    expect(restoreReducer(checked, { type: 'cancelled' })).toMatchObject({ checked: null, status: null, mode: 'replace' });
  });
});

describe('olderThanDevice', () => {
  it('warns when the backup was made before the newest change on this device, not at or after it, nor on an empty device', () => {
    expect(olderThanDevice(checkedAt(1_000, 1_001))).toBe(true);
    expect(olderThanDevice(checkedAt(1_000, 1_000))).toBe(false);
    expect(olderThanDevice(checkedAt(1_000, 999))).toBe(false);
    expect(olderThanDevice(checkedAt(1_000, null))).toBe(false);
  });
});

describe('newestLocalChange', () => {
  it('is the newest time among the decrypted records of every table, and null on an empty device', async () => {
    const store = await openRecordStore<Record<WaypointTable, unknown>>(await newKey(), { dbName: uniqueDbName() });
    expect(await newestLocalChange(store)).toBeNull();
    await store.save('cases', { id: 'c1', kind: 'case', data: { code: 'A' }, updatedAt: 1_700_000_000_000 });
    await store.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c1' }, data: { text: 'later' }, updatedAt: 1_700_000_500_000 });
    await store.save('templates', { id: 't1', kind: 'template', data: { title: 'T' }, updatedAt: 1_600_000_000_000 });
    expect(await newestLocalChange(store)).toBe(1_700_000_500_000);
  });
});
