/**
 * Writes `tests/fixtures/records-v1/waypoint-v1.json`: every raw row of a record database written by
 * the version 1 record store (schema version 1, row format `v: 1`), the data key it was written
 * under, and what each row holds once decrypted. The v1 → v2 migration test replays these rows
 * into IndexedDB and opens them with the current store.
 *
 * It was run once, at commit 39ea496 (the last commit with the v1 store), with
 *   npx tsx --tsconfig tsconfig.tests.json tests/support/make-records-v1-fixture.ts
 * Later code writes v2 rows, so to regenerate the fixture, run it in a checkout of that commit.
 */
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { importDataKey, openRecordStore } from '@renderer/db';
import { caseIndexValues, checklistIndexValues, noteIndexValues } from '@shared/cases';
import { generateSyntheticCases } from '@shared/cases/synthetic';
import { templateSchema } from '@shared/checklists';
import { parseDirectory } from '@shared/hsds/parse';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'tests', 'fixtures', 'records-v1', 'waypoint-v1.json');
const dbName = 'waypoint';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const b64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('base64');

const rawKey = crypto.getRandomValues(new Uint8Array(32));
const keyHex = hex(rawKey);
const store = await openRecordStore(await importDataKey(rawKey), { dbName });

// Every shipped checklist template, one started on some case, as the app does (templateId in plaintext in v1).
const templateDir = join(root, 'resources', 'checklists');
const templates = readdirSync(templateDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => templateSchema.parse(JSON.parse(readFileSync(join(templateDir, name), 'utf8'))));
const data = generateSyntheticCases(templates.length, 16, templates, { notesPerCase: 2, checklistsPerCase: 1 });
const expected: unknown[] = [];
const keep = (table: string, saved: { id: string; kind: string; updatedAt: number; index: unknown; data: unknown }) =>
  expected.push({ table, id: saved.id, kind: saved.kind, updatedAt: saved.updatedAt, index: saved.index, data: saved.data });

for (const record of data.cases) keep('cases', await store.save('cases', { id: record.id, kind: 'case', index: caseIndexValues(record), data: record, updatedAt: Date.parse(record.updatedAt) }));
for (const note of data.notes) keep('notes', await store.save('notes', { id: note.id, kind: 'note', index: noteIndexValues(note), data: note }));
for (const [position, checklist] of data.checklists.entries()) {
  const template = templates[position % templates.length]!;
  const started = { ...checklist, instance: { ...checklist.instance, templateId: template.id } };
  keep('checklists', await store.save('checklists', { id: started.instance.id, kind: 'checklist', index: checklistIndexValues(started), data: started }));
}
const custom = { template: { ...templates[0]!, id: 'custom-intake' }, createdAt: '2026-03-04T10:11:12.000Z' };
keep('templates', await store.save('templates', { id: 'custom-intake', kind: 'template', index: { createdAt: Date.parse(custom.createdAt) }, data: custom }));

// The directory's own records, in orgNotes, with the ids and kinds directory/data.ts gives them.
const shipped = parseDirectory(JSON.parse(readFileSync(join(root, 'resources', 'directory', 'directory.json'), 'utf8')));
const shippedEntry = shipped.entries[0]!;
const ownEntry = { ...shipped.entries[1]!, id: '7f1c2d9e-0000-4000-8000-000000000001', name: 'Own shelter' };
const ownOrganization = { ...shipped.organizations[0]!, id: '7f1c2d9e-0000-4000-8000-000000000002', name: 'Own organization' };
const orgNotes = [
  { id: `entry:${ownEntry.id}`, kind: 'ownEntry', index: { orgId: ownEntry.id }, data: { entry: ownEntry, origin: 'added' } },
  { id: `organization:${ownOrganization.id}`, kind: 'ownOrganization', index: { orgId: ownOrganization.id }, data: ownOrganization },
  { id: `favourite:${shippedEntry.id}`, kind: 'favourite', index: { orgId: shippedEntry.id }, data: {} },
  { id: `note:${shippedEntry.id}`, kind: 'orgNote', index: { orgId: shippedEntry.id }, data: { text: 'Ask for Maria at the front desk' } },
  {
    id: `report:${shippedEntry.id}:5b0e7c1a-0000-4000-8000-000000000003`,
    kind: 'numberReport',
    index: { orgId: shippedEntry.id },
    data: { number: '+44 20 7946 0000', date: '2026-02-01', note: 'rang out' },
  },
];
for (const record of orgNotes) keep('orgNotes', await store.save('orgNotes', record));
store.close();

// The rows exactly as IndexedDB holds them, read without the store.
const db = new Dexie(dbName);
await db.open();
const rows: Record<string, unknown[]> = {};
for (const table of db.tables) {
  rows[table.name] = (await table.toArray()).map((row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).map(([field, value]) => [field, value instanceof ArrayBuffer ? { arrayBuffer: b64(value) } : value instanceof Uint8Array ? { uint8Array: b64(value) } : value])),
  );
}
const fixture = { about: 'Rows written by the v1 record store (see tests/support/make-records-v1-fixture.ts).', dexieVersion: db.verno, dataKeyHex: keyHex, rows, expected };
db.close();
writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`wrote ${out}: ${Object.entries(rows).map(([table, list]) => `${table} ${list.length}`).join(', ')}`);
