import { strFromU8 } from 'fflate';
import { parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { unzipWanted } from '@shared/hsds/import-zip';
import type { ProblemDetail } from '@shared/hsds/import-problems';
import type { ParsedHsds } from '@shared/hsds/import-read';

/** A chosen file as the import worker gets it: its bytes, moved (not copied) to the worker. */
export interface ImportFile {
  /** The file's name, or its path inside the chosen folder. */
  name: string;
  bytes: ArrayBuffer;
}

const isDataFile = (name: string) => /\.(csv|json)$/i.test(name) && !name.startsWith('__MACOSX/');

function failed(file: string, problem: ProblemDetail): ParsedHsds {
  return { ok: false, errors: [{ file, ...problem }] };
}

/** A zip holding one JSON file is read as JSON; otherwise as a Tabular Data Package. Sizes are checked before and while unpacking. */
function readZip(name: string, bytes: Uint8Array): ParsedHsds {
  const unzipped = unzipWanted(bytes, isDataFile);
  if (!unzipped.ok) return failed(name, unzipped.problem);
  const files = Object.fromEntries(Object.entries(unzipped.files).map(([file, content]) => [file, strFromU8(content)]));
  return readTexts(name, files);
}

function readTexts(source: string, files: Record<string, string>): ParsedHsds {
  const names = Object.keys(files);
  if (names.length === 0) return failed(source, { code: 'nothingToRead' });
  const [only] = names;
  if (names.length === 1 && only !== undefined && /\.json$/i.test(only) && !only.endsWith('datapackage.json')) {
    return parseHsdsJson(files[only]!, only);
  }
  return parseHsdsPackage(files);
}

/** UTF-8, as File.text() reads it (a byte-order mark is dropped). */
const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);

/** What the person chose, read: one .json or .zip file, or the data files of a folder (a package). */
export function readImportFiles(files: readonly ImportFile[], fromFolder: boolean, source: string): ParsedHsds {
  if (fromFolder) return readTexts(source, Object.fromEntries(files.map((file) => [file.name, text(file.bytes)])));
  const [file] = files;
  if (file === undefined) return failed('import', { code: 'nothingToRead' });
  if (/\.zip$/i.test(file.name)) return readZip(file.name, new Uint8Array(file.bytes));
  if (/\.json$/i.test(file.name)) return parseHsdsJson(text(file.bytes), file.name);
  return failed(file.name, { code: 'wrongFileType' });
}

/**
 * The files to send to the import worker, read on this page (the reading itself happens off the main
 * thread). Of a folder, only the data files: the rest are never read.
 */
export async function importFilesOf(files: readonly File[], fromFolder: boolean): Promise<ImportFile[]> {
  const chosen = fromFolder ? files.filter((file) => isDataFile(file.name)) : files.slice(0, 1);
  return Promise.all(chosen.map(async (file) => ({ name: (fromFolder && file.webkitRelativePath) || file.name, bytes: await file.arrayBuffer() })));
}
