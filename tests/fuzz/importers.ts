/**
 * Generated-input tests of every importer: HSDS JSON, HSDS zip package, HSDS CSV folder, checklist template
 * JSON and backup file. Each input goes through the importer as the app runs it, and is counted as accepted,
 * rejected (the importer's own typed error), a crash (anything else thrown, or caught only by a last line of
 * defence), a partial write (something written or changed although the input was rejected) or a hang (over
 * 2 s). `npm run fuzz` runs 10,000 inputs per importer (tests/fuzz/importers.fuzz.ts); `npm test` a sample
 * (tests/unit/fuzz/importers.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { answerImportRequest } from '@renderer/features/directory/import-request';
import type { ImportRequest } from '@renderer/features/directory/import-request';
import { parseTemplateFile, serializeTemplate } from '@shared/checklists/template-file';
import type { Directory } from '@shared/hsds/directory';
import { exportHsdsJson, exportHsdsPackage } from '@shared/hsds/export';
import { importProblemCodes } from '@shared/hsds/import-problems';
import { applyImportPlan } from '@shared/hsds/import-plan';
import { parseDirectory } from '@shared/hsds/parse';
import { BackupError, openBackup, verifyBackup } from '../../src/main/services/backup';
import type { BackupRecord } from '../../src/main/services/backup';
import { sampleRecords } from '../support/backup-records';
import { PASSPHRASE, writeBackup } from '../unit/backup/helpers';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures');

export const hangMs = 2_000;

export interface FuzzCounts {
  importer: string;
  cases: number;
  accepted: number;
  rejected: number;
  crashes: number;
  partialWrites: number;
  hangs: number;
  slowestMs: number;
  /** The first inputs that crashed, wrote partly or hung, shortened, to reproduce them. */
  examples: string[];
}

type Outcome = 'accepted' | 'rejected' | 'crash' | 'partialWrite';

export interface Importer<T> {
  name: string;
  input: fc.Arbitrary<T>;
  /** Runs one input; returns its outcome. May throw: that counts as a crash. */
  run(input: T): Outcome | Promise<Outcome>;
  describe(input: T): string;
  setUp?(): Promise<void>;
  tearDown?(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------
// Shared generators

/** A change to a text: remove up to 5 characters somewhere and insert up to 5 arbitrary ones. */
const textMutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 5, unit: 'binary' }) });
function mutateText(text: string, m: { at: number; remove: number; insert: string }): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  return text.slice(0, at) + m.insert + text.slice(at + m.remove);
}
const byteMutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.uint8Array({ maxLength: 8 }) });
function mutateBytes(bytes: Uint8Array, m: { at: number; remove: number; insert: Uint8Array }): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  const out = new Uint8Array(bytes.length - Math.min(m.remove, bytes.length - at) + m.insert.length);
  out.set(bytes.subarray(0, at));
  out.set(m.insert, at);
  out.set(bytes.subarray(at + m.remove), at + m.insert.length);
  return out;
}

function folderTexts(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => /\.(csv|json)$/.test(name))
      .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  );
}

/** A directory that never changes: an importer that writes to it on a rejection throws (strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const shipped: Directory = deepFreeze(parseDirectory(JSON.parse(readFileSync(resolve(root, 'resources/directory/directory.json'), 'utf8'))));
const small = { entries: shipped.entries.slice(0, 6), organizations: shipped.organizations.slice(0, 3) };
const validJson = [
  exportHsdsJson(small),
  ...['service_full.json', 'organization_full.json', 'service_list.json', 'tabular.json', 'service_at_location_full.json'].map((name) =>
    readFileSync(join(fixtures, 'hsds', name), 'utf8'),
  ),
];
const validPackages = [
  exportHsdsPackage(small),
  folderTexts(join(fixtures, 'hsds/csv')),
  folderTexts(join(fixtures, 'hsds-older/hsds-1.1')),
  folderTexts(join(fixtures, 'hsds-older/hsds-2.0')),
  folderTexts(join(fixtures, 'directory-import/package')),
];

/** Services nested through service_at_location, `depth` levels: the shape that once overflowed the stack. */
function nestedServices(depth: number): string {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  let json = `{"id":"${id(0)}","name":"x","status":"active"}`;
  for (let n = 1; n <= depth; n++) json = `{"id":"${id(2 * n)}","name":"x","status":"active","service_at_locations":[{"id":"${id(2 * n + 1)}","service":${json}}]}`;
  return json;
}

const hsdsKeys = [
  'id',
  'name',
  'status',
  'phones',
  'organization',
  'organization_id',
  'contents',
  'service',
  'location',
  'location_type',
  '__proto__',
  'constructor',
  'format',
  'services',
  'organizations',
  'addresses',
  'service_at_locations',
  'attributes',
  'schedules',
  'languages',
];
const hsdsShaped = fc.dictionary(fc.constantFrom(...hsdsKeys), fc.jsonValue({ maxDepth: 3 }));

const jsonText = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 3, arbitrary: fc.oneof(hsdsShaped, fc.array(hsdsShaped, { maxLength: 4 })).map((value) => JSON.stringify(value)) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...validJson), fc.array(textMutation, { minLength: 1, maxLength: 4 })).map(([text, changes]) => changes.reduce(mutateText, text)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4_000 }).map(nestedServices) },
);

/** Package file names: 3.0's, 1.1's and 2.0's, the descriptor, and odd ones. */
const packageNames = fc.constantFrom(
  'services.csv',
  'organizations.csv',
  'phones.csv',
  'locations.csv',
  'addresses.csv',
  'service_at_location.csv',
  'attributes.csv',
  'schedules.csv',
  'languages.csv',
  'service_areas.csv',
  'contacts.csv',
  'datapackage.json',
  'services_at_location.csv',
  'physical_addresses.csv',
  'postal_addresses.csv',
  'regular_schedules.csv',
  'services_taxonomy.csv',
  'other_attributes.csv',
  'x/../services.csv',
  '__proto__.csv',
  'a.json',
  'README.md',
);
const randomPackage = fc.dictionary(packageNames, fc.string({ unit: 'binary', maxLength: 200 }), { maxKeys: 6 });
const mutatedPackage = fc
  .tuple(fc.constantFrom(...validPackages), fc.array(fc.tuple(fc.nat(), textMutation), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 2 }))
  .map(([files, changes, dropped]) => {
    const copy: Record<string, string> = { ...files };
    const names = Object.keys(copy);
    for (const [pick, change] of changes) {
      const name = names[pick % names.length]!;
      copy[name] = mutateText(copy[name]!, change);
    }
    for (const pick of dropped) delete copy[names[pick % names.length]!];
    return copy;
  });
const packageFiles = fc.oneof({ weight: 1, arbitrary: randomPackage }, { weight: 3, arbitrary: mutatedPackage });

const encode = (text: string) => strToU8(text);
const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encode(text)])));
const validZips = validPackages.map(zipOf);

// ---------------------------------------------------------------------------------------------------------
// HSDS: the import worker's own function, from the file bytes to the plan

/** The plan of one request: accepted, or rejected with coded problems and nothing to apply. */
function hsdsOutcome(request: ImportRequest): Outcome {
  const reply = answerImportRequest(request);
  // The worker's catch-all caught something thrown: a crash, even though the page shows a clear message.
  if (reply.kind === 'failed') return 'crash';
  const { plan } = reply;
  if (plan.ok) {
    const applied = applyImportPlan(plan, shipped.entries, shipped.organizations);
    return applied.ok && applied.entries.length === shipped.entries.length + plan.toAdd.length ? 'accepted' : 'partialWrite';
  }
  if (plan.errors.length === 0 || plan.errors.some((problem) => !importProblemCodes.includes(problem.code))) return 'crash';
  const nothingToApply = [plan.toAdd, plan.toUpdate, plan.organizations.toAdd, plan.organizations.toUpdate].every((list) => list.length === 0);
  return nothingToApply && !applyImportPlan(plan, shipped.entries, shipped.organizations).ok ? 'rejected' : 'partialWrite';
}

const request = (files: ImportRequest['files'], fromFolder: boolean, source: string): ImportRequest => ({
  files,
  fromFolder,
  source,
  entries: shipped.entries,
  organizations: shipped.organizations,
});
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;
const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);

export const hsdsJson: Importer<string> = {
  name: 'HSDS JSON',
  input: jsonText,
  run: (text) => hsdsOutcome(request([{ name: 'import.json', bytes: buffer(encode(text)) }], false, 'import.json')),
  describe: (text) => JSON.stringify(short(text)),
};

export const hsdsZip: Importer<Uint8Array> = {
  name: 'HSDS zip package',
  input: fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 2, arbitrary: packageFiles.map(zipOf) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...validZips), fc.array(byteMutation, { minLength: 1, maxLength: 3 })).map(([zip, changes]) => changes.reduce(mutateBytes, zip)),
    },
    { weight: 1, arbitrary: jsonText.map((text) => zipOf({ 'only.json': text })) },
  ),
  run: (bytes) => hsdsOutcome(request([{ name: 'package.zip', bytes: buffer(bytes) }], false, 'package.zip')),
  describe: (bytes) => `zip of ${bytes.length} bytes: ${Buffer.from(bytes.subarray(0, 200)).toString('base64')}`,
};

export const hsdsFolder: Importer<Record<string, string>> = {
  name: 'HSDS CSV folder',
  input: packageFiles,
  run: (files) =>
    hsdsOutcome(
      request(
        Object.entries(files).map(([name, text]) => ({ name: `folder/${name}`, bytes: buffer(encode(text)) })),
        true,
        'folder',
      ),
    ),
  describe: (files) => JSON.stringify(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, short(text)]))),
};

// ---------------------------------------------------------------------------------------------------------
// Checklist template JSON

const templateTexts = readdirSync(resolve(root, 'resources/checklists'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => readFileSync(resolve(root, 'resources/checklists', name), 'utf8'));
const templateKeys = ['id', 'title', 'version', 'language', 'sections', 'items', 'kind', 'options', 'label', 'help', 'required', 'legalRefs', '__proto__', 'constructor'];
const templateShaped = fc.dictionary(fc.constantFrom(...templateKeys), fc.jsonValue({ maxDepth: 4 }));
/** What parseTemplateFile answers when its own last line of defence caught something thrown. */
const templateCatchAll = 'could not be read as a checklist template';

export const checklistTemplate: Importer<string> = {
  name: 'checklist template JSON',
  input: fc.oneof(
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 2, arbitrary: templateShaped.map((value) => JSON.stringify(value)) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...templateTexts), fc.array(textMutation, { minLength: 1, maxLength: 4 })).map(([text, changes]) => changes.reduce(mutateText, text)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  ),
  run: (text) => {
    const result = parseTemplateFile(text);
    if (!result.ok) {
      if (result.errors.length === 0 || result.errors.some((error) => error.message === templateCatchAll)) return 'crash';
      return 'rejected';
    }
    // What is accepted is a valid template: written out and read again, it is the same.
    const again = parseTemplateFile(serializeTemplate(result.template));
    return again.ok ? 'accepted' : 'crash';
  },
  describe: (text) => JSON.stringify(short(text)),
};

// ---------------------------------------------------------------------------------------------------------
// Backup file: main's reader, then the restore as the app does it (everything read before anything is written)

const backupRecords = sampleRecords(40);
let backupFolder = '';
let backupOriginal = Buffer.alloc(0);

type BackupChange = { at: number; remove: number; insert: Uint8Array } | { flipAt: number; mask: number } | { truncateAt: number };
const backupChange: fc.Arbitrary<BackupChange> = fc.oneof(
  byteMutation,
  fc.record({ flipAt: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ truncateAt: fc.nat() }),
);
function changeBackup(file: Uint8Array, change: BackupChange): Uint8Array {
  if ('flipAt' in change) {
    const copy = file.slice();
    if (copy.length > 0) copy[change.flipAt % copy.length]! ^= change.mask;
    return copy;
  }
  if ('truncateAt' in change) return file.subarray(0, file.length === 0 ? 0 : change.truncateAt % file.length);
  return mutateBytes(file, change);
}

/** The restore target: written only after the whole file was read without an error. */
async function restoreInto(store: Map<string, BackupRecord>, path: string): Promise<void> {
  await verifyBackup({ path, passphrase: PASSPHRASE });
  const reader = await openBackup({ path, passphrase: PASSPHRASE });
  const read: BackupRecord[] = [];
  try {
    for await (const record of reader.records()) read.push(record);
  } finally {
    await reader.close();
  }
  for (const record of read) store.set(`${record.table}/${record.id}`, record);
}

export const backupFile: Importer<{ changes: BackupChange[]; random: Uint8Array | null }> = {
  name: 'backup file',
  input: fc.record({
    changes: fc.array(backupChange, { minLength: 1, maxLength: 3 }),
    random: fc.option(fc.uint8Array({ maxLength: 400 }), { freq: 8 }),
  }),
  async setUp() {
    backupFolder = await mkdtemp(join(tmpdir(), 'waypoint-fuzz-backup-'));
    await writeBackup(join(backupFolder, 'original'), backupRecords);
    backupOriginal = await readFile(join(backupFolder, 'original'));
  },
  async tearDown() {
    await rm(backupFolder, { recursive: true, force: true });
  },
  async run({ changes, random }) {
    const bytes = random ?? changes.reduce(changeBackup, new Uint8Array(backupOriginal));
    const path = join(backupFolder, 'input');
    await writeFile(path, bytes);
    const store = new Map<string, BackupRecord>();
    try {
      await restoreInto(store, path);
    } catch (error) {
      if (!(error instanceof BackupError)) return 'crash';
      return store.size === 0 ? 'rejected' : 'partialWrite';
    }
    // Accepted only if the file is the original after all (a change can undo itself), with every record.
    return Buffer.from(bytes).equals(backupOriginal) && store.size === backupRecords.length ? 'accepted' : 'partialWrite';
  },
  describe: ({ changes, random }) =>
    random
      ? `random bytes: ${Buffer.from(random).toString('base64')}`
      : `changes: ${JSON.stringify(changes, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value))}`,
};

export const importers = [hsdsJson, hsdsZip, hsdsFolder, checklistTemplate, backupFile] as Importer<unknown>[];

// ---------------------------------------------------------------------------------------------------------
// Running and counting

/** Runs `cases` generated inputs through one importer and counts the outcomes; never stops at the first bad one. */
export async function fuzzImporter<T>(importer: Importer<T>, cases: number, seed: number): Promise<FuzzCounts> {
  const counts: FuzzCounts = { importer: importer.name, cases: 0, accepted: 0, rejected: 0, crashes: 0, partialWrites: 0, hangs: 0, slowestMs: 0, examples: [] };
  const note = (what: string, input: T) => {
    if (counts.examples.length < 5) counts.examples.push(`${what}: ${importer.describe(input)}`);
  };
  await importer.setUp?.();
  try {
    for (const input of fc.sample(importer.input, { numRuns: cases, seed })) {
      const start = performance.now();
      let outcome: Outcome;
      let reason = 'crash';
      try {
        outcome = await importer.run(input);
      } catch (error) {
        outcome = 'crash';
        reason = `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 100)}` : typeof error}`;
      }
      const ms = performance.now() - start;
      counts.cases++;
      counts.slowestMs = Math.max(counts.slowestMs, ms);
      if (ms > hangMs) {
        counts.hangs++;
        note(`took ${Math.round(ms)} ms`, input);
      }
      if (outcome === 'accepted') counts.accepted++;
      else if (outcome === 'rejected') counts.rejected++;
      else if (outcome === 'crash') {
        counts.crashes++;
        note(reason, input);
      } else {
        counts.partialWrites++;
        note('partial write', input);
      }
    }
  } finally {
    await importer.tearDown?.();
  }
  return counts;
}

/** The counts as a table, one importer a line. */
export function formatFuzzTable(rows: readonly FuzzCounts[]): string {
  const header = ['importer', 'cases', 'accepted', 'rejected', 'crashes', 'partial writes', 'hangs > 2 s', 'slowest ms'];
  const cells = rows.map((row) => [row.importer, row.cases, row.accepted, row.rejected, row.crashes, row.partialWrites, row.hangs, Math.round(row.slowestMs)].map(String));
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (cell: string[]) => cell.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}
