import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';

// No Electron binary here: the module is replaced by recorders of what the printer asks of it.
const windows: Array<{ options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn>; destroy: ReturnType<typeof vi.fn>; printOptions?: unknown }> = [];
const sessionCalls: string[] = [];
const loadFailures = { next: false };
vi.mock('electron', () => {
  class BrowserWindow {
    loadURL = vi.fn(async () => {
      if (loadFailures.next) throw new Error('ERR_FAILED');
    });
    destroy = vi.fn();
    printOptions: unknown;
    webContents = {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      printToPDF: vi.fn(async (options: unknown) => {
        this.printOptions = options;
        return Buffer.from('%PDF-1.4 fake');
      }),
    };
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
  }
  const fakeSession = {
    protocol: { handle: vi.fn((scheme: string) => sessionCalls.push(`handle:${scheme}`)) },
    webRequest: { onBeforeRequest: vi.fn(() => sessionCalls.push('onBeforeRequest')) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    on: vi.fn(),
  };
  return { BrowserWindow, shell: { openExternal: vi.fn() }, session: { fromPartition: vi.fn(() => fakeSession) } };
});

const { createElectronPdfPrinter, printPartition } = await import('../../../src/main/pdf');
const { PrintSite } = await import('../../../src/main/services/pdf/fonts');
const { pdfHandlers } = await import('../../../src/main/ipc/pdf');
const { neutralPdfMetadata } = await import('../../../src/main/services/pdf/metadata');
const { session } = await import('electron');

const request = {
  html: '<!DOCTYPE html><html><head></head><body>x</body></html>',
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>',
  paper: 'A4' as const,
  suggestedName: 'WP-2026-0042-summary.pdf',
};

describe('the Electron printer', () => {
  beforeEach(() => (windows.length = 0));

  it('prints in a hidden, sandboxed window without JavaScript on an in-memory session, then destroys it', async () => {
    const print = createElectronPdfPrinter(new PrintSite('/nowhere'));
    const pdf = await print('<p>x</p>', { paper: 'Letter', headerTemplate: 'H', footerTemplate: 'F' });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake');
    expect(session.fromPartition).toHaveBeenCalledWith(printPartition, { cache: false });
    expect(printPartition.startsWith('persist:')).toBe(false);
    expect(sessionCalls).toEqual(['handle:https', 'onBeforeRequest']);
    const [window] = windows;
    expect(window!.options).toMatchObject({ show: false });
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(window!.options.webPreferences['preload']).toBeUndefined();
    expect(window!.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/print\.waypoint\.invalid\/document\//));
    expect(window!.printOptions).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: true, headerTemplate: 'H', footerTemplate: 'F' });
    // Tagged, with an outline of the headings, as the preview's printer asks (tests/e2e/pdf-output.spec.ts checks the file).
    expect(window!.printOptions).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true });
    expect(window!.destroy).toHaveBeenCalled();
  });

  it('destroys the window when loading fails', async () => {
    const print = createElectronPdfPrinter(new PrintSite('/nowhere'));
    loadFailures.next = true;
    await expect(print('<p>x</p>', { paper: 'A4', headerTemplate: '', footerTemplate: '' })).rejects.toThrow('ERR_FAILED');
    loadFailures.next = false;
    expect(windows).toHaveLength(1);
    expect(windows[0]!.destroy).toHaveBeenCalledTimes(1);
  });
});

describe('the print site', () => {
  it('serves the document while it prints, the bundled fonts, and nothing else', () => {
    const site = new PrintSite();
    const document = site.open('<p>doc</p>');
    const served = site.respond(document.url);
    expect(served.status).toBe(200);
    expect(served.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(served.headers['Cache-Control']).toBe('no-store');
    document.release();
    expect(site.respond(document.url).status).toBe(404);
    const font = site.respond('https://print.waypoint.invalid/fonts/NotoSansThai-Regular.ttf');
    expect(font.status).toBe(200);
    expect((font.body as Uint8Array).byteLength).toBeGreaterThan(30_000);
    for (const url of [
      'https://print.waypoint.invalid/fonts/../../etc/passwd',
      'https://print.waypoint.invalid/fonts/other.ttf',
      'https://example.org/fonts/NotoSans-Regular.ttf',
    ]) {
      expect(site.respond(url).status).toBe(404);
    }
  });
});

/** Requests without a vault passphrase never ask for one. */
const notAsked = async () => {
  throw new Error('the passphrase was not expected to be checked');
};

/** The document information as Chromium 156 writes it (user agent with escaped parentheses, times to the second). */
const chromiumPdf = [
  '%PDF-1.4',
  '1 0 obj',
  '<</Title (Case summary \\(draft\\) - March 5, 2026)',
  '/Creator (Mozilla/5.0 \\(X11; Linux x86_64\\) AppleWebKit/537.36 \\(KHTML, like Gecko\\) waypoint/0.1.0 Chrome/156.0.0.0 Electron/45.5.0 Safari/537.36)',
  '/Author (Caseworker Ana)',
  '/Producer (Skia/PDF m156)',
  "/CreationDate (D:20260305143209+03'00')",
  "/ModDate (D:20260305143209+03'00')>>",
  'endobj',
  '2 0 obj',
  '<</Creator (not the information dictionary)>>',
  'endobj',
  'trailer',
  '<</Size 3',
  '/Info 1 0 R>>',
  '%%EOF',
].join('\n');

describe('the PDF metadata', () => {
  it('keeps the title, empties the creator and other free text, and cuts the times to the day, moving no byte', () => {
    const before = new TextEncoder().encode(chromiumPdf);
    const after = new TextDecoder('latin1').decode(neutralPdfMetadata(before));
    expect(after).toHaveLength(before.byteLength);
    expect(after).toContain('/Title (Case summary \\(draft\\) - March 5, 2026)');
    expect(after).toContain('/Producer (Skia/PDF m156)');
    expect(after).toMatch(/\/Creator \(\) +\n/);
    expect(after).toMatch(/\/Author \(\) +\n/);
    expect(after).toMatch(/\/CreationDate \(D:20260305\) +\n\/ModDate \(D:20260305\) +>>/);
    for (const gone of ['Mozilla', 'waypoint/0.1.0', 'Electron', 'X11', 'Caseworker Ana', '143209', "+03'00'"]) expect(after).not.toContain(gone);
    // Only the information dictionary named by the trailer changes; the offsets of everything after it stay.
    expect(after).toContain('<</Creator (not the information dictionary)>>');
    expect(after.indexOf('2 0 obj')).toBe(chromiumPdf.indexOf('2 0 obj'));
  });

  it('reads a typed title that looks like a key as the title, not as one', () => {
    const typed = chromiumPdf.replace('/Title (Case summary \\(draft\\) - March 5, 2026)', '/Title (x\\) /Creator \\(kept\\\\)');
    const after = new TextDecoder('latin1').decode(neutralPdfMetadata(new TextEncoder().encode(typed)));
    expect(after).toContain('/Title (x\\) /Creator \\(kept\\\\)');
    expect(after).toMatch(/\n\/Creator \(\) +\n/);
    expect(after).not.toContain('Mozilla');
  });

  it('leaves a file without an information dictionary as it is', () => {
    const bytes = new TextEncoder().encode('%PDF-fake');
    expect(neutralPdfMetadata(bytes)).toBe(bytes);
  });

  it('export.pdf writes the neutral metadata', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-pdf-'));
    try {
      const target = join(folder, 'chosen.pdf');
      const handlers = pdfHandlers(
        async () => new TextEncoder().encode(chromiumPdf),
        async () => target,
        notAsked,
      );
      await handlers['export.pdf'](request);
      const written = await readFile(target, 'latin1');
      expect(written).not.toContain('Mozilla');
      expect(written).toContain('/CreationDate (D:20260305)');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('export.pdf', () => {
  let folder: string;
  beforeEach(async () => (folder = await mkdtemp(join(tmpdir(), 'waypoint-pdf-'))));
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('renders, then writes only where the user chose', async () => {
    const printer = vi.fn(async () => new TextEncoder().encode('%PDF-fake'));
    const target = join(folder, 'chosen.pdf');
    const handlers = pdfHandlers(printer, async () => target, notAsked);
    expect(await handlers['export.pdf'](request)).toEqual({ saved: true, path: target, bytes: 9 });
    expect(await readFile(target, 'utf8')).toBe('%PDF-fake');
    expect(await readdir(folder)).toEqual(['chosen.pdf']);
    expect(printer).toHaveBeenCalledWith(request.html, { paper: 'A4', headerTemplate: request.headerTemplate, footerTemplate: request.footerTemplate });
  });

  it('with a vault passphrase, checks it before printing: a wrong one prints nothing and asks nothing', async () => {
    const printer = vi.fn(async () => new TextEncoder().encode('%PDF-fake'));
    const choose = vi.fn(async () => join(folder, 'summary.pdf'));
    const confirm = vi.fn(async (passphrase: string) => {
      if (passphrase !== 'the vault passphrase') throw new AppError('VAULT_WRONG_PASSPHRASE', 'wrong passphrase');
    });
    const handlers = pdfHandlers(printer, choose, confirm);
    await expect(handlers['export.pdf']({ ...request, vaultPassphrase: 'a guess' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    expect(printer).not.toHaveBeenCalled();
    expect(choose).not.toHaveBeenCalled();
    expect(await handlers['export.pdf']({ ...request, vaultPassphrase: 'the vault passphrase' })).toMatchObject({ saved: true });
  });

  it('writes nothing when the user cancels', async () => {
    const handlers = pdfHandlers(
      async () => new Uint8Array([1]),
      async () => null,
      notAsked,
    );
    expect(await handlers['export.pdf'](request)).toEqual({ saved: false, path: null, bytes: 1 });
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a printing failure with its own code and does not ask where to save', async () => {
    const choose = vi.fn(async () => join(folder, 'x.pdf'));
    const handlers = pdfHandlers(async () => Promise.reject(new Error('crash')), choose, notAsked);
    await expect(handlers['export.pdf'](request)).rejects.toMatchObject({ code: 'PDF_RENDER_FAILED' });
    expect(choose).not.toHaveBeenCalled();
  });

  it('the contract refuses documents over 20 MB and names that are not PDFs', async () => {
    const { contract } = await import('../../../src/shared/contract');
    const schema = contract['export.pdf'].request;
    expect(schema.safeParse(request).success).toBe(true);
    expect(schema.safeParse({ ...request, html: 'x'.repeat(20 * 1024 * 1024 + 1) }).success).toBe(false);
    expect(schema.safeParse({ ...request, suggestedName: '../evil.pdf' }).success).toBe(false);
    expect(schema.safeParse({ ...request, suggestedName: 'summary.exe' }).success).toBe(false);
  });
});
