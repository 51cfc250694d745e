import { MetadataError, type ImageFormat } from './types';

/** How much is read at once around a header: the next few headers usually fall in it, and each read of a Blob is a round trip. */
const readAhead = 64 * 1024;

/** The most of one metadata block read to tell the caseworker what it held (the block goes whole whatever its size). */
export const metadataReadLimit = 1 << 20;

/**
 * Reads parts of an image file: only what is asked for (and the 64 KB around a header) is in memory,
 * never the whole file.
 */
export class ByteReader {
  private cached = new Uint8Array(0);
  private cachedFrom = 0;

  constructor(
    readonly format: ImageFormat,
    readonly file: Blob,
  ) {}

  /** [start, end), or less where the file ends first. */
  async read(start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    const from = start - this.cachedFrom;
    if (from >= 0 && end - this.cachedFrom <= this.cached.length) return this.cached.subarray(from, end - this.cachedFrom);
    if (end - start > readAhead) return new Uint8Array(await this.file.slice(start, end).arrayBuffer());
    this.cached = new Uint8Array(await this.file.slice(start, start + readAhead).arrayBuffer());
    this.cachedFrom = start;
    return this.cached.subarray(0, end - start);
  }

  /** Like read, but the file must hold every byte asked for. */
  async exactly(start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = await this.read(start, end);
    if (bytes.length !== end - start) throw this.fail(`the file ends at byte ${this.file.size}, inside a header at ${start}`);
    return bytes;
  }

  /** Metadata text to look through for what it names; at most `metadataReadLimit` bytes of it. */
  async text(start: number, end: number): Promise<string> {
    return new TextDecoder().decode(await this.read(start, Math.min(end, start + metadataReadLimit)));
  }

  fail(message: string): MetadataError {
    return new MetadataError(this.format, message);
  }
}

export function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** Whether `bytes` starts with `prefix` (ASCII, may contain \0). */
export function startsWith(bytes: Uint8Array, prefix: string, at = 0): boolean {
  return ascii(bytes, at, prefix.length) === prefix;
}
