import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { ProblemDetail } from './import-problems';
import { defaultImportLimits } from './import-read';

/**
 * Unpacking an HSDS zip without letting it unpack into more than Waypoint can hold (a "zip bomb": a 1 MB zip
 * of a 1 GiB file). Two guards: the sizes the zip's central directory declares are added up and checked against
 * the limit before anything is inflated; then, while inflating (fflate's streaming `Unzip`, fed in small slices),
 * each file's running count stops it as soon as it outgrows its declared size, since that zip lies about itself.
 * Together they keep what is inflated within the limit, whatever the headers say.
 */

export interface ZipLimits {
  /** Bytes of the wanted files once unpacked, in all. */
  maxUnpackedBytes: number;
  /** Wanted files. */
  maxFiles: number;
}

/** As much as the importer reads as text (one byte or more per character), and as many files. */
export const defaultZipLimits: ZipLimits = { maxUnpackedBytes: defaultImportLimits.maxTextLength, maxFiles: defaultImportLimits.maxFiles };

export type UnzippedFiles = { ok: true; files: Record<string, Uint8Array> } | { ok: false; problem: ProblemDetail };

// At most about 1,032 times this is inflated between two checks of a file's count (deflate's largest ratio).
const sliceBytes = 16 * 1024;

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

/** The files of `bytes` whose names `wanted` accepts, unpacked; the others are never inflated. Never throws. */
export function unzipWanted(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = defaultZipLimits): UnzippedFiles {
  const notZip: UnzippedFiles = { ok: false, problem: { code: 'notZip' } };

  // 1. The declared sizes, from the central directory: a filter that says no to every file inflates nothing.
  const declared = new Map<string, number>();
  let declaredTotal = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (wanted(file.name)) {
          declared.set(file.name, file.originalSize);
          declaredTotal += file.originalSize;
        }
        return false;
      },
    });
  } catch {
    return notZip;
  }
  if (declared.size > limits.maxFiles) return { ok: false, problem: { code: 'tooManyFiles', values: { limit: limits.maxFiles } } };
  if (declaredTotal > limits.maxUnpackedBytes) return { ok: false, problem: { code: 'zipTooLarge', values: { limit: megabytes(limits.maxUnpackedBytes) } } };

  // 2. Inflate, counting. Files the central directory does not list as wanted are passed over, not inflated.
  const chunks = new Map<string, Uint8Array[]>();
  const sizes = new Map<string, number>();
  let stop: UnzippedFiles | undefined;
  const unzip = new Unzip((file) => {
    const size = declared.get(file.name);
    if (size === undefined || chunks.has(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    sizes.set(file.name, 0);
    file.ondata = (error, data, final) => {
      if (stop !== undefined) return;
      if (error !== null) {
        stop = notZip;
        return;
      }
      const length = sizes.get(file.name)! + data.length;
      sizes.set(file.name, length);
      if (length > size || (final && length !== size)) stop = { ok: false, problem: { code: 'zipSizeMismatch' } };
      else parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && stop === undefined; at += sliceBytes) {
      unzip.push(bytes.subarray(at, at + sliceBytes), at + sliceBytes >= bytes.length);
    }
  } catch {
    return notZip;
  }
  if (stop !== undefined) return stop;
  // Every wanted file the directory lists must have been found and read to its end.
  if (chunks.size !== declared.size || [...declared].some(([name, size]) => sizes.get(name) !== size)) return notZip;

  const files: Record<string, Uint8Array> = {};
  for (const [name, parts] of chunks) files[name] = join(parts, sizes.get(name)!);
  return { ok: true, files };
}

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
