import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@shared/directory-search';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { indexOptions } from '@shared/directory-search/options';
import { encodePrebuiltIndex } from '@shared/directory-search/prebuilt';
import { prebuiltWorkerMessages, replyTransfers, searchIndexReceiver, searchWorkerMessages } from '@renderer/features/directory/search-index-request';
import { generateEntries, generateOrganizations } from '../../../bench/directory/generate';

const organizations = generateOrganizations(40, 2);
const odd: DirectoryEntry[] = generateEntries(6, organizations, 8).map((entry, i) => ({
  ...entry,
  alternateName: i % 2 === 0 ? null : 'Ligne d’écoute',
  countries: i === 0 ? [] : entry.countries,
  populations: [],
  is24x7: [true, false, null][i % 3]!,
  phones: i === 1 ? [] : [...entry.phones, { number: '116 000', type: 'voice', description: i === 2 ? 'free' : null, emergencyRoles: ['child-helpline'] }],
}));
const entries = [...generateEntries(500, organizations, 9), ...odd];
const termLabels = { shelter: 'Refugio', hotline: 'Línea' };

describe('the search worker request', () => {
  it('gives, through structured clones of its parts, the index of the entries themselves', () => {
    const direct = buildSearchIndex(entries, indexOptions({ organizations, language: 'es', termLabels }));
    for (const partSize of [1, 97, entries.length, 10_000]) {
      const messages = [...searchWorkerMessages(entries, organizations, 'es', termLabels, partSize)];
      expect(messages).toHaveLength(Math.ceil(entries.length / partSize) + 1);
      const receive = searchIndexReceiver();
      const replies = messages.map((message) => receive(structuredClone(message)));
      expect(replies.slice(0, -1)).toEqual(messages.slice(0, -1).map(() => null));
      expect(replies.at(-1)).toEqual(direct);
    }
  });

  it('with no entries, builds an empty index', () => {
    const receive = searchIndexReceiver();
    const messages = [...searchWorkerMessages([], organizations, 'en', {})];
    expect(messages.map((message) => message.kind)).toEqual(['build']);
    expect(receive(messages[0]!)).toMatchObject({ size: 0 });
  });

  it('holds only what the index reads', () => {
    const text = JSON.stringify([...searchWorkerMessages(entries, organizations, 'en', {})]);
    for (const organization of organizations.slice(0, 5)) {
      expect(text).not.toContain(organization.website!);
      expect(text).not.toContain(organization.headquarters!.address!);
    }
    for (const entry of entries.slice(0, 5)) {
      for (const source of entry.sources) expect(text).not.toContain(source);
      if (entry.url !== null) expect(text).not.toContain(entry.url);
    }
  });

  it('with a prebuilt index of the shipped entries, indexes only the own ones and gives the index of both lists', () => {
    const [shippedEntries, own] = [entries.slice(0, 400), entries.slice(400)];
    const options = indexOptions({ organizations, language: 'es', termLabels });
    const messages = [...prebuiltWorkerMessages({ buffer: encodePrebuiltIndex(shippedEntries, organizations, 'v7'), data: 'v7' }, own, organizations, 'es', termLabels)];
    expect(messages.map((message) => message.kind)).toEqual(['prebuilt', 'entries', 'build']);
    // Only the own entries cross over as entries; the shipped ones are in the buffer.
    expect(messages[1]).toMatchObject({ columns: { ids: own.map((entry) => entry.id) } });
    const receive = searchIndexReceiver();
    const replies = messages.map((message) => receive(structuredClone(message)));
    expect(replies.at(-1)).toEqual(buildSearchIndex(entries, options));
  });

  it('sends the index back with its buffers transferred, each once, not copied, with or without own entries', () => {
    const options = indexOptions({ organizations, language: 'fr', termLabels });
    for (const own of [entries.slice(450), []]) {
      const shippedEntries = entries.slice(0, 450);
      const receive = searchIndexReceiver();
      const messages = [...prebuiltWorkerMessages({ buffer: encodePrebuiltIndex(shippedEntries, organizations, 'v7'), data: 'v7' }, own, organizations, 'fr', termLabels)];
      const reply = messages.map((message) => receive(structuredClone(message))).at(-1)!;
      const transfer = replyTransfers(reply);
      expect(new Set(transfer).size).toBe(transfer.length);
      const received = structuredClone(reply, { transfer });
      expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true); // moved, not copied
      expect(received).toEqual(buildSearchIndex([...shippedEntries, ...own], options));
    }
    expect(replyTransfers({ refused: 'no' })).toEqual([]);
  }, 20_000);

  it('refuses a prebuilt index of other data, building nothing, so the page builds from every entry instead', () => {
    const receive = searchIndexReceiver();
    const messages = prebuiltWorkerMessages({ buffer: encodePrebuiltIndex(entries, organizations, 'v7'), data: 'v8' }, [], organizations, 'en', {});
    expect([...messages].map((message) => receive(message)).at(-1)).toEqual({ refused: 'built for the directory "v7", not "v8"' });
  });
});
