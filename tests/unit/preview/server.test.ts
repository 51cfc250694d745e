import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server';

let server: PreviewServer;
let token: string;

/** node:http rather than fetch, so the test can send any Host header and any raw path. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { hostname, port } = new URL(server.url);
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

function rpc(body: unknown, headers: Record<string, string> = {}) {
  return send('/__waypoint/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-waypoint-token': token, ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-preview-'));
  await mkdir(join(work, 'out', 'renderer'), { recursive: true });
  await mkdir(join(work, 'out', 'preview'), { recursive: true });
  await writeFile(join(work, 'out', 'renderer', 'index.html'), '<html><head><title>W</title></head><body></body></html>');
  await writeFile(join(work, 'out', 'preview', 'bridge.js'), '/* bridge */');
  await writeFile(join(work, 'secret.txt'), 'not for the page');
  server = await startPreviewServer({ outFolder: join(work, 'out'), dataFolder: join(work, 'data'), port: 0, version: '9.9.9' });
  const index = await send('/');
  token = /data-token="([0-9a-f]{64})"/.exec(index.body)?.[1] ?? '';
});

afterAll(() => server.close());

describe('browser preview server', () => {
  it('serves index.html with the bridge script and its token, and the security headers', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(token).toHaveLength(64);
    expect(index.body).toContain('<script src="/__waypoint/bridge.js"');
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

  it('refuses calls from another site even with the token', async () => {
    expect((await rpc({ channel: 'app.info' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

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
    const res = await send('/__waypoint/rpc', { method: 'POST', headers: { 'x-waypoint-token': token }, body: '{oops' });
    expect(res.status).toBe(400);
    expect((await send('/')).status).toBe(200);
  });
});
