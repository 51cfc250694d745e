import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calibrateScrypt, deriveKey, FLOOR_LOG_N, RECOVERY_LOG_N } from '../../../src/main/services/vault/kdf';
import type * as KdfModule from '../../../src/main/services/vault/kdf';

// The real calibration, watched: which target each new vault asked for.
vi.mock('../../../src/main/services/vault/kdf', async (importOriginal) => {
  const kdf = await importOriginal<typeof KdfModule>();
  return { ...kdf, calibrateScrypt: vi.fn(kdf.calibrateScrypt) };
});
import { FLOOR_KDF_TARGET_MS, startPreviewServer, type PreviewServer } from '../../../src/preview/server';

let server: PreviewServer;
let token: string;
let origin: string;
let work: string;

/** node:http rather than fetch, so the test can send any Host header and any raw path. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}, to = server) {
  const { hostname, port } = new URL(to.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    // The raw path goes out unnormalised, as a hostile client would send it.
    const req = httpRequest({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function rpc(body: unknown, headers: Record<string, string> = {}, to = server) {
  return send(
    '/__waypoint/rpc',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waypoint-token': tokenOf(to), origin: new URL(to.url).origin, ...headers },
      body: JSON.stringify(body),
    },
    to,
  );
}

/** The token travels only in the fragment of the address the CLI prints, which no request carries. */
const tokenOf = (preview: PreviewServer) => /#token=([0-9a-f]{64})$/.exec(preview.openUrl)?.[1] ?? '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'waypoint-preview-'));
  await mkdir(join(work, 'out', 'renderer', 'assets'), { recursive: true });
  await mkdir(join(work, 'out', 'preview'), { recursive: true });
  await writeFile(join(work, 'out', 'renderer', 'index.html'), '<html><head><title>W</title></head><body></body></html>');
  await writeFile(join(work, 'out', 'renderer', 'assets', 'index.js'), 'export {};');
  await writeFile(join(work, 'out', 'preview', 'bridge.js'), '/* bridge */');
  await writeFile(join(work, 'secret.txt'), 'not for the page');
  server = await startPreviewServer({ outFolder: join(work, 'out'), dataFolder: join(work, 'data'), port: 0, version: '9.9.9' });
  token = tokenOf(server);
  origin = new URL(server.url).origin;
});

afterAll(() => server.close());

describe('browser preview server', () => {
  it('serves index.html with the bridge script and the security headers', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(token).toHaveLength(64);
    expect(server.openUrl).toBe(`${server.url}#token=${token}`);
    expect(index.body).toContain('<script src="/__waypoint/bridge.js"></script>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('answers the contract through the same services as the app', async () => {
    const set = await rpc({ channel: 'settings.set', request: { homeCountry: 'TH' } });
    expect(JSON.parse(set.body)).toMatchObject({ ok: true, value: { homeCountry: 'TH' } });
    const info = await rpc({ channel: 'app.info' });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { version: '9.9.9', runtime: 'browser-preview' } });
    const bad = await rpc({ channel: 'settings.set', request: { language: 42 } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await rpc({ channel: 'app.info' }, { 'x-waypoint-token': '' })).status).toBe(403);
    expect((await rpc({ channel: 'app.info' }, { 'x-waypoint-token': 'f'.repeat(64) })).status).toBe(403);
  });

  it('puts the token in no file it serves, nor in any header', async () => {
    const paths = ['/', '/index.html', '/__waypoint/bridge.js', '/missing', ...(await readdir(join(work, 'out', 'renderer', 'assets'))).map((name) => `/assets/${name}`)];
    for (const path of paths) {
      const response = await send(path);
      expect(response.body, path).not.toContain(token);
      expect(JSON.stringify(response.headers), path).not.toContain(token);
    }
  });

  it('refuses calls from another site even with the token', async () => {
    expect((await rpc({ channel: 'app.info' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses calls without the served Origin, even with the token', async () => {
    const { port } = new URL(server.url);
    for (const other of ['', 'null', 'http://evil.example', `http://localhost:${port}`, `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`]) {
      expect((await rpc({ channel: 'app.info' }, { origin: other })).status, other).toBe(403);
    }
    const { origin: _dropped, ...withoutOrigin } = { 'content-type': 'application/json', 'x-waypoint-token': token, origin };
    const missing = await send('/__waypoint/rpc', { method: 'POST', headers: withoutOrigin, body: JSON.stringify({ channel: 'app.info' }) });
    expect(missing.status).toBe(403);
    expect((await rpc({ channel: 'app.info' })).status).toBe(200);
  });

  it('erases only with the vault passphrase', { timeout: 60_000 }, async () => {
    const passphrase = 'lantern orchard quietly seventeen';
    vi.mocked(calibrateScrypt).mockClear();
    const created = JSON.parse((await rpc({ channel: 'vault.create', request: { passphrase } })).body) as { ok: boolean };
    expect(created.ok).toBe(true);
    // Without the tests' option, the real calibration, as in the app.
    expect(vi.mocked(calibrateScrypt).mock.calls).toEqual([[{}]]);
    const erase = async (request: Record<string, unknown>) => JSON.parse((await rpc({ channel: 'vault.erase', request })).body) as unknown;
    const vaultFiles = async () => (await readdir(join(work, 'data'))).filter((name) => name === 'vault.json');

    expect(await erase({ confirm: true })).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    expect(await erase({ confirm: true, passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    expect(await vaultFiles()).toEqual(['vault.json']);
    // The refused attempts did not end the session either.
    expect(JSON.parse((await rpc({ channel: 'vault.status' })).body)).toMatchObject({ ok: true, value: { exists: true, unlocked: true } });

    expect(await erase({ confirm: true, passphrase })).toEqual({ ok: true, value: null });
    expect(await vaultFiles()).toEqual([]);
  });

  it(
    "creates vaults at the KDF floor, never below, and derives through the tests' function, only for the tests that ask (the vault the end-to-end tests prepare)",
    { timeout: 60_000 },
    async () => {
      const dataFolder = join(work, 'floor');
      const derive = vi.fn(deriveKey);
      const floor = await startPreviewServer({ outFolder: join(work, 'out'), dataFolder, port: 0, version: '9.9.9', testOnlyKdfAtFloor: true, testOnlyDeriveKey: derive });
      vi.mocked(calibrateScrypt).mockClear();
      try {
        expect(JSON.parse((await rpc({ channel: 'vault.create', request: { passphrase: 'lantern orchard quietly seventeen' } }, {}, floor)).body)).toMatchObject({ ok: true });
      } finally {
        await floor.close();
      }
      expect(vi.mocked(calibrateScrypt).mock.calls).toEqual([[{ targetMs: FLOOR_KDF_TARGET_MS }]]);
      // Both wraps' keys came from the tests' function, with the costs the header records.
      expect(derive.mock.calls.map(([, params]) => params.N).sort((a, b) => a - b)).toEqual([2 ** RECOVERY_LOG_N, 2 ** FLOOR_LOG_N]);
      // However fast the machine, calibration towards this target stops at the floor.
      expect(await calibrateScrypt({ targetMs: FLOOR_KDF_TARGET_MS, measureMs: async () => 1 })).toEqual({ N: 2 ** FLOOR_LOG_N, r: 8, p: 1 });
      const { wraps } = JSON.parse(await readFile(join(dataFolder, 'vault.json'), 'utf8')) as { wraps: Record<'passphrase' | 'recovery', { kdf: object }> };
      expect(wraps.passphrase.kdf).toMatchObject({ N: 2 ** FLOOR_LOG_N, r: 8, p: 1 });
      expect(wraps.recovery.kdf).toMatchObject({ N: 2 ** RECOVERY_LOG_N, r: 8, p: 1 }); // as in the app
    },
  );

  it('refuses another Host name (DNS rebinding)', async () => {
    expect((await send('/', { headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await rpc({ channel: 'app.info' }, { host: 'evil.example' })).status).toBe(421);
  });

  it('serves nothing outside the built renderer', async () => {
    expect((await send('/../secret.txt')).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await send('/missing.js')).status).toBe(404);
  });

  it('answers malformed bodies with 400 and keeps running', async () => {
    const res = await send('/__waypoint/rpc', { method: 'POST', headers: { 'x-waypoint-token': token, origin }, body: '{oops' });
    expect(res.status).toBe(400);
    expect((await send('/')).status).toBe(200);
  });
});
