import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAppDispatch } from '../main/ipc';
import type { VaultOptions } from '../main/services/vault/vault';
import { createPreviewPlatform } from './platform';
import { securityHeaders } from '../main/security/csp';
import { contentTypeOf, resolveStaticFile } from '../main/services/static-files';
import { addressWithToken } from './token';
import { stringifyWithBytes } from './bytes-json';

export const DEFAULT_PREVIEW_PORT = 4178;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface PreviewOptions {
  /** Where the built app is: `out/` with renderer/ and preview/ inside. */
  outFolder: string;
  dataFolder: string;
  port: number;
  version: string;
  /**
   * TEST ONLY, for the vault the end-to-end tests prepare once per worker (tests/e2e/fixtures.ts): a new
   * vault's passphrase KDF stays at the production floor (scrypt 2^17) instead of being calibrated up to
   * about half a second, which every test's unlock would pay again. Never below the floor. The CLI has no
   * flag for it, the Electron app never starts this server, and no channel of the contract reaches it.
   */
  testOnlyKdfAtFloor?: boolean;
  /** TEST ONLY: what derives the vault's keys in place of scrypt itself (VaultOptions.testOnlyDeriveKey). */
  testOnlyDeriveKey?: VaultOptions['testOnlyDeriveKey'];
}

/** A target every derivation meets, so calibration stops at the floor: N = 2^17, p = 1. */
export const FLOOR_KDF_TARGET_MS = [0, Infinity] as const;

export interface PreviewServer {
  /** The served origin, `http://127.0.0.1:<port>/`. */
  url: string;
  /** The address to open once per tab: `url` with this run's token in the fragment (see bridge.ts). */
  openUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and answers the bridge contract over HTTP with the same
 * main services the Electron app uses. Only the page it served can call it: requests need the
 * per-run token (handed over in the address's fragment, never in a served file, which any local
 * process could fetch), the right Host (against DNS rebinding) and the served Origin (against other
 * sites). Erasing also needs the vault passphrase here (see preview/platform.ts).
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = randomBytes(32).toString('hex');
  const rendererFolder = join(options.outFolder, 'renderer');
  const preview = createPreviewPlatform(options.dataFolder);
  const identity = {
    name: 'Waypoint',
    version: options.version,
    platform: process.platform,
    dataFolder: options.dataFolder,
    runtime: 'browser-preview',
    buildDate: null,
    dataFolderMode: 'override', // the --data folder
  } as const;
  const { dispatch, finishInterruptedErase } = createAppDispatch(identity, preview.platform, {
    vault: {
      ...(options.testOnlyKdfAtFloor ? { kdfTargetMs: FLOOR_KDF_TARGET_MS } : {}),
      ...(options.testOnlyDeriveKey ? { testOnlyDeriveKey: options.testOnlyDeriveKey } : {}),
    },
  });
  // An erase that was interrupted is finished before the first request; the page clears its own storage.
  await finishInterruptedErase();
  let expectedHost = '';
  let expectedOrigin = '';

  async function serveRpc(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return send(response, 403, 'text/plain', 'Forbidden');
    // Browsers send Origin with every POST, same-origin ones included: a missing one is not a page of ours.
    if (request.headers.origin !== expectedOrigin) return send(response, 403, 'text/plain', 'Forbidden');
    if (!tokenMatches(request.headers['x-waypoint-token'], token)) return send(response, 403, 'text/plain', 'Forbidden');
    let body: { channel?: unknown; request?: unknown };
    try {
      body = JSON.parse((await readBody(request)).toString('utf8')) as typeof body;
    } catch {
      return send(response, 400, 'text/plain', 'Bad request');
    }
    const result = await dispatch(String(body.channel), body.request);
    send(response, 200, 'application/json', stringifyWithBytes(result));
  }

  async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path === '/__waypoint/bridge.js' ? join(options.outFolder, 'preview', 'bridge.js') : resolveStaticFile(rendererFolder, path);
    if (!file) return send(response, 404, 'text/plain', 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(response, 404, 'text/plain', 'Not found');
    }
    if (file.endsWith('index.html')) body = Buffer.from(injectBridge(body.toString('utf8')));
    send(response, 200, contentTypeOf(file), body);
  }

  const server = createServer((request, response) => {
    if (request.headers.host !== expectedHost) return send(response, 421, 'text/plain', 'Misdirected request');
    const handler = request.url?.startsWith('/__waypoint/rpc') ? serveRpc : serveFile;
    handler(request, response).catch(() => send(response, 500, 'text/plain', 'Internal error'));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  expectedOrigin = `http://${expectedHost}`;

  return {
    url: `${expectedOrigin}/`,
    openUrl: addressWithToken(`${expectedOrigin}/`, token),
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
      await preview.close();
    },
  };
}

/** Adds the fetch bridge, a classic script that runs before the (deferred) module scripts. */
export function injectBridge(html: string): string {
  const tag = `<script src="/__waypoint/bridge.js"></script>`;
  return html.replace('</head>', `  ${tag}\n  </head>`);
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string' || header.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(token));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': type });
  response.end(body);
}
