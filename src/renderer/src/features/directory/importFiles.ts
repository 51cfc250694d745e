import { strFromU8, unzipSync } from 'fflate';
import { parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import type { ParsedHsds } from '@shared/hsds/import-read';

/** Texts of the problems found here, before the shared reader sees the data (given in the interface language). */
export interface ReadMessages {
  notZip: string;
  nothingToRead: string;
  wrongType: string;
}

const isDataFile = (name: string) => /\.(csv|json)$/i.test(name) && !name.startsWith('__MACOSX/');

function failed(file: string, message: string): ParsedHsds {
  return { ok: false, errors: [{ file, message }] };
}

/** A zip holding one JSON file is read as JSON; otherwise as a Tabular Data Package. */
function readZip(name: string, bytes: Uint8Array, messages: ReadMessages): ParsedHsds {
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, { filter: (file) => isDataFile(file.name) });
  } catch {
    return failed(name, messages.notZip);
  }
  const files = Object.fromEntries(Object.entries(unzipped).map(([file, content]) => [file, strFromU8(content)]));
  return readTexts(name, files, messages);
}

function readTexts(source: string, files: Record<string, string>, messages: ReadMessages): ParsedHsds {
  const names = Object.keys(files);
  if (names.length === 0) return failed(source, messages.nothingToRead);
  const [only] = names;
  if (names.length === 1 && only !== undefined && /\.json$/i.test(only) && !only.endsWith('datapackage.json')) {
    return parseHsdsJson(files[only]!, only);
  }
  return parseHsdsPackage(files);
}

/** Reads what the person chose: one .json or .zip file, or the files of a folder (a package). */
export async function readImportFiles(files: readonly File[], fromFolder: boolean, messages: ReadMessages): Promise<ParsedHsds> {
  if (fromFolder) {
    const data = files.filter((file) => isDataFile(file.name));
    const texts = await Promise.all(data.map(async (file) => [file.webkitRelativePath || file.name, await file.text()] as const));
    return readTexts(files[0]?.webkitRelativePath.split('/')[0] ?? 'folder', Object.fromEntries(texts), messages);
  }
  const [file] = files;
  if (file === undefined) return failed('import', messages.nothingToRead);
  if (/\.zip$/i.test(file.name)) return readZip(file.name, new Uint8Array(await file.arrayBuffer()), messages);
  if (/\.json$/i.test(file.name)) return parseHsdsJson(await file.text(), file.name);
  return failed(file.name, messages.wrongType);
}
