import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFilesOf, readImportFiles } from '@renderer/features/directory/import-files';
import { exportHsdsPackage } from '@shared/hsds/export';
import { describeProblem } from '@shared/hsds/import-problems';
import { unzipWanted } from '@shared/hsds/import-zip';
import { shippedDirectory } from './fixtures';
import { deflatedZeros, zipOf } from './zip-bomb';

const gib = 2 ** 30;
const bomb = deflatedZeros(Math.ceil(gib / 258));

function zipFile(bytes: Uint8Array, name = 'directory.zip'): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

/** Reads a zip as the import worker does: its bytes, then the reading. */
async function readZipFile(file: File) {
  return readImportFiles(await importFilesOf([file], false), false, file.name);
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('HSDS zip import: sizes checked before and while unpacking', () => {
  it('refuses a 1 MB zip that unpacks to 1 GiB from its declared size, before inflating, naming the limit', async () => {
    const zip = zipOf('services.csv', bomb.data, bomb.size);
    expect(zip.length).toBeLessThan(1.1 * 2 ** 20);
    const { value: parsed, ms } = await timed(() => readZipFile(zipFile(zip)));
    expect(parsed).toEqual({ ok: false, errors: [{ file: 'directory.zip', code: 'zipTooLarge', values: { limit: 256 } }] });
    expect(describeProblem(parsed.ok ? ({} as never) : parsed.errors[0]!)).toContain('256 MB');
    // Nothing is inflated: the central directory alone says no.
    expect(ms).toBeLessThan(1000);
  });

  it('stops inflating a zip that declares a small size for a 1 GiB file', async () => {
    const zip = zipOf('services.csv', bomb.data, 1000);
    const { value: parsed, ms } = await timed(() => readZipFile(zipFile(zip)));
    expect(parsed).toEqual({ ok: false, errors: [{ file: 'directory.zip', code: 'zipSizeMismatch' }] });
    // The file's running count stops it one slice (at most about 16 MB) past its declared size, not at the gigabyte.
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a file shorter than the zip declares', () => {
    const { data, size } = deflatedZeros(100);
    expect(unzipWanted(zipOf('a.csv', data, size + 1), () => true)).toEqual({ ok: false, problem: { code: 'zipSizeMismatch' } });
  });

  it('refuses more data files than the limit, before inflating', () => {
    const files = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`t${i}.csv`, strToU8('id\r\n')]));
    expect(unzipWanted(zipSync(files), (name) => name.endsWith('.csv'))).toEqual({ ok: false, problem: { code: 'tooManyFiles', values: { limit: 64 } } });
  });

  it('refuses what is not a zip', () => {
    expect(unzipWanted(strToU8('not a zip at all, just text'), () => true)).toEqual({ ok: false, problem: { code: 'notZip' } });
  });

  it('reads an exported package, whether the zip has sizes in its headers or data descriptors after each file', async () => {
    const directory = shippedDirectory();
    const files = exportHsdsPackage({ entries: directory.entries.slice(0, 20), organizations: directory.organizations });
    const plain = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

    // fflate's streaming Zip writes sizes after the data (as macOS and Windows tools often do).
    const parts: Uint8Array[] = [];
    const streamed = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    for (const [name, text] of Object.entries(files)) {
      const file = new ZipDeflate(name);
      streamed.add(file);
      file.push(strToU8(text), true);
    }
    streamed.end();
    const described = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (described.set(p, at), at + p.length), 0);

    for (const zip of [plain, described]) {
      const parsed = await readZipFile(zipFile(zip));
      expect(parsed.ok, JSON.stringify(parsed.ok ? '' : parsed.errors)).toBe(true);
      if (parsed.ok) expect(parsed.tables.services).toHaveLength(20);
    }
    const unzipped = unzipWanted(described, (name) => name.endsWith('.csv'));
    expect(unzipped.ok && new TextDecoder().decode(unzipped.files['services.csv'])).toBe(files['services.csv']);
  });
});
