import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupContract } from '@shared/backup';
import { createBackupSessions, type BackupSessions } from '../../../src/main/services/backup';
import { confirmPassphrase, VaultSession } from '../../../src/main/services/session';
import { RESTORE_UPLOAD_FOLDER } from '../../../src/main/services/data-folder';
import { createVault } from '../../../src/main/services/vault';

const VAULT_PASSPHRASE = 'lantern orchard quietly seventeen';
const BACKUP_PASSPHRASE = 'a different backup passphrase';

interface Fixture {
  folder: string;
  exports: string;
  session: VaultSession;
  backup: BackupSessions;
  chooseSavePath: ReturnType<typeof vi.fn>;
}

let fixture: Fixture;

async function setUp(): Promise<Fixture> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-ipc-'));
  const exports = join(folder, 'exports');
  const vault = createVault({ folder, testOnlyScryptLogN: 10 });
  const session = new VaultSession();
  session.open((await vault.create(VAULT_PASSPHRASE)).dataKey);
  const chooseSavePath = vi.fn(async (name: string) => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(exports, { recursive: true });
    return join(exports, name);
  });
  const backup = createBackupSessions({
    dataFolder: folder,
    confirmPassphrase: confirmPassphrase(vault, session),
    session,
    chooseSavePath,
    appVersion: '0.1.0',
    now: () => 1_700_000_000_000,
    testOnlyScryptLogN: 10,
  });
  return { folder, exports, session, backup, chooseSavePath };
}

beforeEach(async () => {
  fixture = await setUp();
});

afterEach(async () => {
  await fixture.backup.dropAll();
  await rm(fixture.folder, { recursive: true, force: true });
});

const h = () => fixture.backup.steps;

function sampleRecords() {
  return [
    { table: 'cases', id: 'c1', updatedAt: 1000, data: { kind: 'case', index: { status: 'open', createdAt: 1 }, data: { code: 'AB-12', story: 'x'.repeat(100_000) } } },
    { table: 'cases', id: 'c2', updatedAt: 2000, data: { kind: 'case', index: { status: 'closed', createdAt: 2 }, data: { code: 'CD-34', ünïcode: '✓ عربي' } } },
    { table: 'notes', id: 'n1', updatedAt: 3000, data: { kind: 'note', index: { caseId: 'c1', createdAt: 3 }, data: { text: 'a note' } } },
    { table: 'settings', id: 'settings', updatedAt: 4000, data: { language: 'ar', autoLockMinutes: 7, homeCountry: 'NL' } },
  ];
}

const counts = { cases: 2, notes: 1, checklists: 0, settings: 1 };

/** Backs up the sample records through the handlers; returns the file's path. */
async function makeBackup(passphrase = BACKUP_PASSPHRASE): Promise<string> {
  const { saved, sessionId } = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: passphrase, counts, suggestedName: 'b.wpbackup' });
  expect(saved).toBe(true);
  const records = sampleRecords();
  await h()['backup.append']({ sessionId: sessionId!, records: records.slice(0, 2) });
  await h()['backup.append']({ sessionId: sessionId!, records: records.slice(2) });
  const finished = await h()['backup.finish']({ sessionId: sessionId! });
  expect(finished.records).toBe(4);
  expect(finished.bytes).toBe((await stat(finished.path)).size);
  return finished.path;
}

/** Uploads bytes in chunks of `chunk` bytes, as the renderer does. */
async function upload(bytes: Buffer, chunk = 50_000): Promise<string> {
  const { sessionId } = await h()['restore.begin']({ size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await h()['restore.upload']({ sessionId, offset, data: bytes.subarray(offset, offset + chunk).toString('base64') });
  }
  return sessionId;
}

async function readAll(sessionId: string) {
  const records = [];
  let cursor = 0;
  for (;;) {
    const batch = await h()['restore.read']({ sessionId, cursor });
    records.push(...batch.records);
    cursor = batch.cursor;
    if (batch.done) return records;
  }
}

async function uploads(): Promise<string[]> {
  return existsSync(join(fixture.folder, RESTORE_UPLOAD_FOLDER)) ? readdir(join(fixture.folder, RESTORE_UPLOAD_FOLDER)) : [];
}

describe('backup and restore handlers', () => {
  it('round trip: backup session → file → upload → verified manifest → every record back', async () => {
    const path = await makeBackup();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('WAYPOINT-BACKUP\n');
    expect(bytes.includes(Buffer.from('AB-12'))).toBe(false); // ciphertext only
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);

    const sessionId = await upload(bytes);
    const [temporary] = await uploads();
    expect(temporary).toBeDefined();
    if (process.platform !== 'win32') expect((await stat(join(fixture.folder, RESTORE_UPLOAD_FOLDER, temporary!))).mode & 0o777).toBe(0o600);

    const opened = await h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE });
    expect(opened.manifest).toEqual({ formatVersion: 1, appVersion: '0.1.0', createdAt: 1_700_000_000_000, counts });
    expect(opened.records).toBe(4);
    expect(await readAll(sessionId)).toEqual(sampleRecords());
    // A second pass from cursor 0 reads the same records again.
    expect(await readAll(sessionId)).toEqual(sampleRecords());

    await h()['restore.close']({ sessionId });
    expect(await uploads()).toEqual([]);
    await expect(h()['restore.read']({ sessionId, cursor: 0 })).rejects.toMatchObject({ code: 'BACKUP_SESSION_ENDED' });
  });

  it('a close or a lock while the backup is being opened leaves no file open: the reader opened after it is closed too', async (context) => {
    if (!existsSync('/proc/self/fd')) {
      console.info('skipped: the open files are read from /proc/self/fd, which this system does not have');
      context.skip();
    }
    const openUploads = async () => {
      const { readlink } = await import('node:fs/promises');
      const targets = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((target) => target.includes(RESTORE_UPLOAD_FOLDER));
    };
    const bytes = await readFile(await makeBackup());
    for (const end of [(id: string) => h()['restore.close']({ sessionId: id }), async () => fixture.session.lock()]) {
      if (!fixture.session.unlocked) fixture.session.open(Buffer.alloc(32, 7));
      const sessionId = await upload(bytes);
      const opening = h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE });
      opening.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve)); // the key is being derived
      await end(sessionId);
      await opening.catch(() => undefined);
      await vi.waitFor(async () => expect(await openUploads()).toEqual([]));
      expect(await uploads()).toEqual([]);
    }
  });

  it('the answers pass the contract’s response schemas', async () => {
    const path = await makeBackup();
    const sessionId = await upload(await readFile(path));
    const opened = await h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE });
    expect(backupContract['restore.open'].response.safeParse(opened).success).toBe(true);
    const batch = await h()['restore.read']({ sessionId, cursor: 0 });
    expect(backupContract['restore.read'].response.safeParse(batch).success).toBe(true);
  });

  it('checks the vault passphrase when the backup uses it, before asking where to save', async () => {
    await expect(h()['backup.begin']({ vaultPassphrase: 'not the vault passphrase', backupPassphrase: null, counts, suggestedName: 'b.wpbackup' })).rejects.toMatchObject({
      code: 'VAULT_WRONG_PASSPHRASE',
    });
    expect(fixture.chooseSavePath).not.toHaveBeenCalled();

    const { sessionId } = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: null, counts: { cases: 0 }, suggestedName: 'v.wpbackup' });
    const { path } = await h()['backup.finish']({ sessionId: sessionId! });
    const restore = await upload(await readFile(path));
    expect((await h()['restore.open']({ sessionId: restore, passphrase: VAULT_PASSPHRASE })).manifest.counts).toEqual({ cases: 0 });
  });

  it('a backup under its own passphrase also needs the vault passphrase, before asking where to save', async () => {
    await expect(h()['backup.begin']({ vaultPassphrase: BACKUP_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts, suggestedName: 'b.wpbackup' })).rejects.toMatchObject({
      code: 'VAULT_WRONG_PASSPHRASE',
    });
    expect(fixture.chooseSavePath).not.toHaveBeenCalled();
    expect(fixture.backup.openSessions()).toEqual({ backups: 0, restores: 0 });
    // The file itself is under the backup passphrase, not the vault's.
    const path = await makeBackup(BACKUP_PASSPHRASE);
    const restore = await upload(await readFile(path));
    await expect(h()['restore.open']({ sessionId: restore, passphrase: VAULT_PASSPHRASE })).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
  });

  it('a cancelled save dialog starts nothing', async () => {
    fixture.chooseSavePath.mockResolvedValueOnce(null);
    expect(await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts, suggestedName: 'b.wpbackup' })).toEqual({
      saved: false,
      sessionId: null,
    });
    expect(fixture.backup.openSessions()).toEqual({ backups: 0, restores: 0 });
  });

  it('a wrong passphrase is refused, returns nothing, and keeps the upload for another try', async () => {
    const sessionId = await upload(await readFile(await makeBackup()));
    await expect(h()['restore.open']({ sessionId, passphrase: 'wrong passphrase entirely' })).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
    await expect(h()['restore.read']({ sessionId, cursor: 0 })).rejects.toMatchObject({ code: 'BACKUP_BAD_ARGUMENT' });
    expect((await h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE })).records).toBe(4);
  });

  it.each([
    ['cut at the end', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), 'BACKUP_TAMPERED'],
    ['cut at a chunk boundary', (bytes: Buffer) => bytes.subarray(0, 111 + 65_552), 'BACKUP_TRUNCATED'],
    ['cut inside the header', (bytes: Buffer) => bytes.subarray(0, 50), 'BACKUP_TRUNCATED'],
    ['one byte changed in the last chunk', (bytes: Buffer) => flip(bytes, bytes.length - 20), 'BACKUP_TAMPERED'],
    ['one byte changed in the first chunk', (bytes: Buffer) => flip(bytes, 200), 'BACKUP_TAMPERED'],
    ['one byte changed in the header', (bytes: Buffer) => flip(bytes, 30), 'BACKUP_TAMPERED'],
    ['not a backup', () => Buffer.from('%PDF-1.7 hello'), 'BACKUP_NOT_A_BACKUP'],
  ])('%s: refused with its code, nothing returned, the upload removed', async (_name, damage, code) => {
    const sessionId = await upload(damage(await readFile(await makeBackup())));
    await expect(h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE })).rejects.toMatchObject({ code });
    await expect(h()['restore.read']({ sessionId, cursor: 0 })).rejects.toMatchObject({ code: 'BACKUP_SESSION_ENDED' });
    expect(await uploads()).toEqual([]);
    expect(fixture.backup.openSessions().restores).toBe(0);
  });

  it('a newer format version is reported as such', async () => {
    const bytes = Buffer.from(await readFile(await makeBackup()));
    bytes.writeUInt16BE(2, 16);
    const { createHash } = await import('node:crypto');
    createHash('sha256').update(bytes.subarray(0, 79)).digest().copy(bytes, 79);
    const sessionId = await upload(bytes);
    await expect(h()['restore.open']({ sessionId, passphrase: BACKUP_PASSPHRASE })).rejects.toMatchObject({ code: 'BACKUP_NEWER_VERSION' });
  });

  it('refuses chunks out of order or beyond the announced size, and an incomplete upload', async () => {
    const bytes = await readFile(await makeBackup());
    const { sessionId } = await h()['restore.begin']({ size: bytes.length });
    await expect(h()['restore.upload']({ sessionId, offset: 10, data: bytes.subarray(10, 20).toString('base64') })).rejects.toMatchObject({ code: 'RESTORE_UPLOAD_FAILED' });
    expect(await uploads()).toEqual([]);

    const small = await h()['restore.begin']({ size: 5 });
    await expect(h()['restore.upload']({ sessionId: small.sessionId, offset: 0, data: bytes.subarray(0, 10).toString('base64') })).rejects.toMatchObject({
      code: 'RESTORE_UPLOAD_FAILED',
    });

    const partial = await h()['restore.begin']({ size: bytes.length });
    await h()['restore.upload']({ sessionId: partial.sessionId, offset: 0, data: bytes.subarray(0, 1000).toString('base64') });
    await expect(h()['restore.open']({ sessionId: partial.sessionId, passphrase: BACKUP_PASSPHRASE })).rejects.toMatchObject({ code: 'RESTORE_UPLOAD_FAILED' });
    expect(await uploads()).toEqual([]);
  });

  it('refuses records that do not match the counts, and leaves no file', async () => {
    const over = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts: { cases: 1 }, suggestedName: 'over.wpbackup' });
    await expect(h()['backup.append']({ sessionId: over.sessionId!, records: sampleRecords().slice(0, 2) })).rejects.toMatchObject({ code: 'BACKUP_BAD_ARGUMENT' });
    await expect(h()['backup.finish']({ sessionId: over.sessionId! })).rejects.toMatchObject({ code: 'BACKUP_SESSION_ENDED' });

    const under = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts: { cases: 2 }, suggestedName: 'under.wpbackup' });
    await h()['backup.append']({ sessionId: under.sessionId!, records: sampleRecords().slice(0, 1) });
    await expect(h()['backup.finish']({ sessionId: under.sessionId! })).rejects.toMatchObject({ code: 'BACKUP_BAD_ARGUMENT' });

    const wrongTable = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts: { cases: 1 }, suggestedName: 'table.wpbackup' });
    await expect(h()['backup.append']({ sessionId: wrongTable.sessionId!, records: sampleRecords().slice(2, 3) })).rejects.toMatchObject({ code: 'BACKUP_BAD_ARGUMENT' });

    expect(await readdir(fixture.exports)).toEqual([]);
    expect(fixture.backup.openSessions()).toEqual({ backups: 0, restores: 0 });
  });

  it('an aborted backup leaves no file', async () => {
    const { sessionId } = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts, suggestedName: 'a.wpbackup' });
    await h()['backup.append']({ sessionId: sessionId!, records: sampleRecords().slice(0, 2) });
    await h()['backup.abort']({ sessionId: sessionId! });
    expect(await readdir(fixture.exports)).toEqual([]);
    await expect(h()['backup.append']({ sessionId: sessionId!, records: [] })).rejects.toMatchObject({ code: 'BACKUP_SESSION_ENDED' });
  });

  it('locking drops every session: no partial backup, no upload left', async () => {
    const backup = await h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts, suggestedName: 'l.wpbackup' });
    await h()['backup.append']({ sessionId: backup.sessionId!, records: sampleRecords().slice(0, 1) });
    const restore = await upload(Buffer.from('WAYPOINT-BACKUP\n and more'));
    expect(fixture.backup.openSessions()).toEqual({ backups: 1, restores: 1 });
    expect((await readdir(fixture.exports)).length).toBe(1); // the .partial file

    fixture.session.lock();
    await vi.waitFor(async () => {
      expect(fixture.backup.openSessions()).toEqual({ backups: 0, restores: 0 });
      expect(await readdir(fixture.exports)).toEqual([]);
      expect(await uploads()).toEqual([]);
    });
    await expect(h()['backup.append']({ sessionId: backup.sessionId!, records: [] })).rejects.toMatchObject({ code: 'VAULT_IS_LOCKED' });
    await expect(h()['restore.open']({ sessionId: restore, passphrase: BACKUP_PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_IS_LOCKED' });
  });

  it('refuses everything while the vault is locked', async () => {
    fixture.session.lock();
    await expect(h()['backup.begin']({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts, suggestedName: 'b.wpbackup' })).rejects.toMatchObject({
      code: 'VAULT_IS_LOCKED',
    });
    await expect(h()['restore.begin']({ size: 10 })).rejects.toMatchObject({ code: 'VAULT_IS_LOCKED' });
    expect(fixture.chooseSavePath).not.toHaveBeenCalled();
  });

  it('removes uploads a crash or a quit left behind at the next start, before any new restore', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(fixture.folder, RESTORE_UPLOAD_FOLDER), { recursive: true });
    await writeFile(join(fixture.folder, RESTORE_UPLOAD_FOLDER, 'stale.upload'), 'ciphertext');
    // The app started again over the same data folder: no restore asked for.
    const restarted = createBackupSessions({
      dataFolder: fixture.folder,
      confirmPassphrase: async () => undefined,
      session: fixture.session,
      chooseSavePath: async () => null,
      appVersion: '0.1.0',
    });
    await vi.waitFor(async () => expect(await uploads()).not.toContain('stale.upload'));
    await restarted.dropAll();
  });

  it('the contract refuses file names with folders and bad session ids', () => {
    const begin = backupContract['backup.begin'].request;
    expect(begin.safeParse({ vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: 'x', counts: {}, suggestedName: '../b.wpbackup' }).success).toBe(false);
    expect(backupContract['restore.read'].request.safeParse({ sessionId: '../../etc', cursor: 0 }).success).toBe(false);
    expect(backupContract['restore.upload'].request.safeParse({ sessionId: '0'.repeat(32), offset: 0, data: 'not base64!' }).success).toBe(false);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x01;
  return copy;
}

describe('wired into the app dispatch', () => {
  it('the preview writes the backup under exports/, and vault.lock ends the sessions', async () => {
    const { createAppDispatch } = await import('../../../src/main/ipc');
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-dispatch-'));
    try {
      const { createPreviewPlatform } = await import('../../../src/preview/platform');
      const preview = createPreviewPlatform(folder);
      const { FLOOR_KDF_TARGET_MS } = await import('../../../src/preview/server');
      // At the KDF floor: this is about the sessions, not the calibration, which costs seconds.
      const { dispatch } = createAppDispatch(
        { name: 'Waypoint', version: '0.1.0', platform: 'linux', dataFolder: folder, runtime: 'browser-preview', buildDate: null, dataFolderMode: 'override' },
        preview.platform,
        { vault: { kdfTargetMs: FLOOR_KDF_TARGET_MS } },
      );
      expect(await dispatch('backup.begin', { vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE, counts: {}, suggestedName: 'x.wpbackup' })).toMatchObject({
        ok: false,
        error: { code: 'VAULT_IS_LOCKED' },
      });
      expect((await dispatch('vault.create', { passphrase: VAULT_PASSPHRASE })).ok).toBe(true);
      const begun = await dispatch('backup.begin', { vaultPassphrase: VAULT_PASSPHRASE, backupPassphrase: null, counts: { cases: 1 }, suggestedName: 'x.wpbackup' });
      expect(begun).toMatchObject({ ok: true, value: { saved: true } });
      const sessionId = (begun as { value: { sessionId: string } }).value.sessionId;
      const bad = await dispatch('backup.append', { sessionId, records: [{ table: 'cases', id: 'c1', updatedAt: 1, data: {}, extra: 1 }] });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await dispatch('backup.append', { sessionId, records: [sampleRecords()[0]] })).toMatchObject({ ok: true });
      expect(await dispatch('vault.lock', undefined)).toMatchObject({ ok: true });
      await vi.waitFor(async () => expect(await readdir(join(folder, 'exports'))).toEqual([]));
      expect(await dispatch('backup.finish', { sessionId })).toMatchObject({ ok: false, error: { code: 'VAULT_IS_LOCKED' } });
      expect((await dispatch('vault.unlock', { passphrase: VAULT_PASSPHRASE })).ok).toBe(true);
      expect(await dispatch('backup.finish', { sessionId })).toMatchObject({ ok: false, error: { code: 'BACKUP_SESSION_ENDED' } });
      await preview.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
