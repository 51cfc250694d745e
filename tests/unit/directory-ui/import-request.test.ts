import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { exportHsdsPackage } from '@shared/hsds/export';
import * as importPlan from '@shared/hsds/import-plan';
import { answerImportRequest, importReplyMessages, importReplyReceiver, transferables } from '@renderer/features/directory/import-request';
import type { ImportRequest } from '@renderer/features/directory/import-request';
import { shippedDirectory } from '../directory-io/fixtures';

const shipped = shippedDirectory();
const small = { entries: shipped.entries.slice(0, 4), organizations: shipped.organizations.slice(0, 2) };
const bytes = (text: string) => new TextEncoder().encode(text).buffer;

function request(files: ImportRequest['files'], fromFolder: boolean, source: string): ImportRequest {
  return { files, fromFolder, source, entries: shipped.entries.slice(4), organizations: shipped.organizations.slice(2) };
}

describe('the import worker request', () => {
  it('plans a JSON file, a zip and a folder from their bytes, as the page did from the files', () => {
    const json = readFileSync(resolve(import.meta.dirname, '../../fixtures/hsds/service_full.json'), 'utf8');
    const fromJson = answerImportRequest(structuredClone(request([{ name: 'service_full.json', bytes: bytes(`\uFEFF${json}`) }], false, 'service_full.json')));
    expect(fromJson).toMatchObject({ kind: 'plan', plan: { ok: true, toAdd: [{ name: expect.any(String) as string }] } });

    const files = exportHsdsPackage(small);
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)])));
    const fromZip = answerImportRequest(request([{ name: 'package.zip', bytes: zip.buffer as ArrayBuffer }], false, 'package.zip'));
    const fromFolder = answerImportRequest(
      request(
        Object.entries(files).map(([name, text]) => ({ name: `package/${name}`, bytes: bytes(text) })),
        true,
        'package',
      ),
    );
    for (const reply of [fromZip, fromFolder]) {
      expect(reply.kind).toBe('plan');
      if (reply.kind !== 'plan') return;
      expect(reply.plan.ok).toBe(true);
      expect(reply.plan.toAdd.map((entry) => entry.id).sort()).toEqual(small.entries.map((entry) => entry.id).sort());
    }
  });

  it('refuses a file of another kind with a plan that says so', () => {
    expect(answerImportRequest(request([{ name: 'notes.txt', bytes: bytes('hello') }], false, 'notes.txt'))).toMatchObject({
      kind: 'plan',
      plan: { ok: false, errors: [{ file: 'notes.txt', code: 'wrongFileType' }] },
    });
  });

  it('answers "failed", never throws, when reading or planning throws (the page then says nothing was imported)', () => {
    const spy = vi.spyOn(importPlan, 'planImport').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(answerImportRequest(request([{ name: 'x.json', bytes: bytes('{"name":"x"}') }], false, 'x.json'))).toEqual({ kind: 'failed' });
    } finally {
      spy.mockRestore();
    }
  });

  it("moves every file's bytes to the worker", () => {
    const files = [
      { name: 'a.csv', bytes: bytes('id') },
      { name: 'b.csv', bytes: bytes('id') },
    ];
    expect(transferables(request(files, true, 'folder'))).toEqual(files.map((file) => file.bytes));
  });
});

describe('the import worker reply', () => {
  const plan = (() => {
    const reply = answerImportRequest(
      request(
        Object.entries(exportHsdsPackage({ entries: shipped.entries.slice(0, 23), organizations: shipped.organizations })).map(([name, text]) => ({ name, bytes: bytes(text) })),
        true,
        'p',
      ),
    );
    if (reply.kind !== 'plan' || !reply.plan.ok) throw new Error('expected a plan');
    return reply;
  })();

  it('goes back in parts of entries, then the rest, and comes together as the same reply through structured clones', () => {
    // Four new entries and nineteen already in the directory (request() gives it all but the first four).
    expect([plan.plan.toAdd.length, plan.plan.unchanged.length]).toEqual([4, 19]);
    const count = 19;
    for (const partSize of [1, 5, count, 5_000]) {
      const messages = [...importReplyMessages(plan, partSize)];
      expect(messages).toHaveLength(Math.ceil(count / partSize) + 1);
      for (const message of messages.slice(0, -1)) expect(message.kind === 'part' && message.toAdd.length).toBeLessThanOrEqual(partSize);
      const receive = importReplyReceiver();
      const replies = messages.map((message) => receive(structuredClone(message)));
      expect(replies.slice(0, -1)).toEqual(messages.slice(0, -1).map(() => null));
      expect(replies.at(-1)).toEqual(plan);
    }
  });

  it('a failed or refused answer is one message', () => {
    expect([...importReplyMessages({ kind: 'failed' })]).toEqual([{ kind: 'failed' }]);
    const refused = answerImportRequest(request([{ name: 'notes.txt', bytes: bytes('hello') }], false, 'notes.txt'));
    const messages = [...importReplyMessages(refused)];
    expect(messages).toHaveLength(1);
    expect(importReplyReceiver()(messages[0]!)).toEqual(refused);
  });
});
