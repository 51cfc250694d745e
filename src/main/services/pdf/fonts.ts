import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { printFontFiles, printOrigin } from '../../../shared/print/fonts';

/**
 * Where resources/fonts is: next to the packaged app's resources, else found by walking up from
 * this file (out/main/ in the built app, src/main/services/pdf/ when the preview runs the source).
 */
export function findFontFolder(start = import.meta.dirname): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (let folder = start, up = 0; up < 6; up++, folder = dirname(folder)) candidates.push(join(folder, 'resources', 'fonts'));
  const found = candidates.find((folder) => existsSync(join(folder, 'NotoSans-Regular.ttf')));
  if (!found) throw new Error('the bundled fonts (resources/fonts) were not found');
  return found;
}

/** What the print page may do: show itself with inline styles, the bundled fonts and data: images. Nothing else. */
export const printContentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; font-src ${printOrigin}; img-src data:; base-uri 'none'; form-action 'none'`;

export interface PrintResponse {
  status: number;
  contentType: string;
  body: Uint8Array | string;
  headers: Record<string, string>;
}

/**
 * The private print origin, served from memory for both printers: `/document/<token>` is a
 * document being printed, `/fonts/<file>` a bundled font (read from disk once, then kept).
 * Everything else is 404; the printers refuse requests to any other origin.
 */
export class PrintSite {
  #folder: string | undefined;
  readonly #fonts = new Map<string, Uint8Array>();
  readonly #documents = new Map<string, string>();
  #next = 0;

  /** Without a folder, resources/fonts is looked for on the first font request. */
  constructor(fontFolder?: string) {
    this.#folder = fontFolder;
  }

  /** Holds the HTML while it prints; returns its URL and a function that forgets it. */
  open(html: string): { url: string; release(): void } {
    const token = `${Date.now().toString(36)}-${(this.#next++).toString(36)}`;
    this.#documents.set(token, html);
    return { url: `${printOrigin}/document/${token}`, release: () => this.#documents.delete(token) };
  }

  respond(url: string): PrintResponse {
    const notFound: PrintResponse = { status: 404, contentType: 'text/plain', body: 'Not found', headers: {} };
    if (!url.startsWith(`${printOrigin}/`)) return notFound;
    const path = new URL(url).pathname;
    const documentMatch = /^\/document\/([\w-]+)$/.exec(path);
    if (documentMatch) {
      const html = this.#documents.get(documentMatch[1]!);
      if (html === undefined) return notFound;
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: html,
        headers: { 'Content-Security-Policy': printContentSecurityPolicy, 'Cache-Control': 'no-store' },
      };
    }
    const fontMatch = /^\/fonts\/([\w-]+\.ttf)$/.exec(path);
    const file = fontMatch && printFontFiles.find((font) => font.file === fontMatch[1]);
    if (!file) return notFound;
    return { status: 200, contentType: 'font/ttf', body: this.font(file.file), headers: { 'Cache-Control': 'max-age=31536000, immutable' } };
  }

  font(file: string): Uint8Array {
    let bytes = this.#fonts.get(file);
    if (!bytes) {
      this.#folder ??= findFontFolder();
      bytes = new Uint8Array(readFileSync(join(this.#folder, file)));
      this.#fonts.set(file, bytes);
    }
    return bytes;
  }
}
