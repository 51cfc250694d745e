import { strFromU8 } from 'fflate';
import { parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { unzipWanted } from '@shared/hsds/import-zip';
import type { ProblemDetail } from '@shared/hsds/import-problems';
import type { ParsedHsds } from '@shared/hsds/import-read';

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

/** Reads what the person chose: one .json or .zip file, or the files of a folder (a package). */
export async function readImportFiles(files: readonly File[], fromFolder: boolean): Promise<ParsedHsds> {
  if (fromFolder) {
    const data = files.filter((file) => isDataFile(file.name));
    const texts = await Promise.all(data.map(async (file) => [file.webkitRelativePath || file.name, await file.text()] as const));
    return readTexts(files[0]?.webkitRelativePath.split('/')[0] ?? 'folder', Object.fromEntries(texts));
  }
  const [file] = files;
  if (file === undefined) return failed('import', { code: 'nothingToRead' });
  if (/\.zip$/i.test(file.name)) return readZip(file.name, new Uint8Array(await file.arrayBuffer()));
  if (/\.json$/i.test(file.name)) return parseHsdsJson(await file.text(), file.name);
  return failed(file.name, { code: 'wrongFileType' });
}
