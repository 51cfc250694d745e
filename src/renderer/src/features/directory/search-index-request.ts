import { buildSearchIndex } from '@shared/directory-search';
import type { DirectorySearchIndex, SearchableEntry, SearchableOrganization } from '@shared/directory-search';
import { indexOptions, type IndexRequest } from '@shared/directory-search/options';
import { mergeOwnEntries, readPrebuiltIndex, withNames } from '@shared/directory-search/prebuilt';

/**
 * What the search worker is sent, in order: with a prebuilt index of the shipped directory, that first (then
 * the entries are the person's own only); the entries in parts; then the rest of what the index needs, which
 * starts the build. Plain data only, since functions cannot be posted to a worker.
 */
export type SearchWorkerMessage =
  | {
      kind: 'prebuilt';
      /** Transferred, not copied. */
      buffer: ArrayBuffer;
      /** The shipped directory the index must be of (directoryStamp). */
      data: string;
    }
  | { kind: 'entries'; columns: EntryColumns }
  | ({ kind: 'build' } & IndexRequest);

/** The worker's answer: the index, or why it would not use the prebuilt one (then nothing was built). */
export type SearchWorkerReply = DirectorySearchIndex | { refused: string };

/**
 * Entries per message. Made and posted one part at a time, with the main thread given back in between, so
 * the worker unpacks a part while the next is made, and no single task holds the page for long.
 */
const entriesPerMessage = 5_000;

/**
 * The entries as the index reads them (SearchableEntry), field by field, in entry order. Posting a message
 * copies it (a structured clone, made on the main thread): 50,000 whole entries took ~280 ms there, these
 * columns ~40 ms to make and ~80 ms to post, as they hold only what the index reads, in fewer and larger values.
 */
export interface EntryColumns {
  ids: string[];
  organizationIds: (string | null)[];
  names: string[];
  alternateNames: (string | null)[];
  descriptions: string[];
  /** Per entry: 1 if verified, plus 2 if known to be open 24/7 (the index asks no more of is24x7). */
  flags: Uint8Array;
  /** Each entry's countries, services, languages, populations and channels, one list after another. */
  codes: string[];
  /** Where list k of entry i ends in `codes`: codeEnds[codeLists.length * i + k]. */
  codeEnds: Uint32Array;
  /** Number and description of each phone, entry after entry. */
  phoneNumbers: string[];
  phoneDescriptions: (string | null)[];
  /** Where the phones of entry i end in those. */
  phoneEnds: Uint32Array;
}

const codeLists = ['countries', 'services', 'languages', 'populations', 'channels'] as const;

/** The messages for the worker, each made only when asked for. */
export function* searchWorkerMessages(
  entries: readonly SearchableEntry[],
  organizations: readonly SearchableOrganization[],
  language: string,
  termLabels: Record<string, string>,
  partSize = entriesPerMessage,
): Generator<SearchWorkerMessage> {
  for (let start = 0; start < entries.length; start += partSize) yield { kind: 'entries', columns: entryColumns(entries.slice(start, start + partSize)) };
  // Names only: an organization's other details (an address, say) have no business in the worker.
  yield { kind: 'build', organizations: organizations.map(({ id, name, alternateName }) => ({ id, name, alternateName })), language, termLabels };
}

/**
 * The messages for a worker with the prebuilt index of the shipped directory in `buffer`: `own` are the
 * entries listed after the shipped ones, the person's own, which are all that is indexed at start.
 */
export function* prebuiltWorkerMessages(
  prebuilt: { buffer: ArrayBuffer; data: string },
  own: readonly SearchableEntry[],
  organizations: readonly SearchableOrganization[],
  language: string,
  termLabels: Record<string, string>,
): Generator<SearchWorkerMessage> {
  yield { kind: 'prebuilt', ...prebuilt };
  yield* searchWorkerMessages(own, organizations, language, termLabels);
}

/** The worker's side: takes the messages in order and gives its reply after the last. */
export function searchIndexReceiver(): (message: SearchWorkerMessage) => SearchWorkerReply | null {
  const entries: SearchableEntry[] = [];
  let prebuilt: Extract<SearchWorkerMessage, { kind: 'prebuilt' }> | undefined;
  return (message) => {
    if (message.kind === 'prebuilt') {
      prebuilt = message;
      return null;
    }
    if (message.kind === 'entries') {
      for (const entry of columnEntries(message.columns)) entries.push(entry);
      return null;
    }
    const options = indexOptions(message);
    if (prebuilt === undefined) return buildSearchIndex(entries, options);
    const read = readPrebuiltIndex(prebuilt.buffer, prebuilt.data);
    return read.ok ? mergeOwnEntries(withNames(read.prebuilt, options), entries, options) : { refused: read.reason };
  };
}

/**
 * The buffers under the reply's typed arrays, each once, for the worker to transfer rather than copy: a copy
 * is made on the worker's thread and read on the page's, and an index of 50,000 entries holds over 10 MB of them.
 */
export function replyTransfers(reply: SearchWorkerReply): ArrayBuffer[] {
  if ('refused' in reply) return [];
  const arrays = [reply.positions, reply.open24x7, reply.all.starts, reply.all.postings, reply.names.starts, reply.names.postings];
  for (const lists of Object.values(reply.facets)) arrays.push(...lists.values());
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

export function entryColumns(entries: readonly SearchableEntry[]): EntryColumns {
  const count = entries.length;
  const columns: EntryColumns = {
    ids: new Array<string>(count),
    organizationIds: new Array<string | null>(count),
    names: new Array<string>(count),
    alternateNames: new Array<string | null>(count),
    descriptions: new Array<string>(count),
    flags: new Uint8Array(count),
    codes: [],
    codeEnds: new Uint32Array(count * codeLists.length),
    phoneNumbers: [],
    phoneDescriptions: [],
    phoneEnds: new Uint32Array(count),
  };
  entries.forEach((entry, i) => {
    columns.ids[i] = entry.id;
    columns.organizationIds[i] = entry.organizationId;
    columns.names[i] = entry.name;
    columns.alternateNames[i] = entry.alternateName;
    columns.descriptions[i] = entry.description;
    columns.flags[i] = (entry.verified ? 1 : 0) | (entry.is24x7 === true ? 2 : 0);
    codeLists.forEach((list, k) => {
      for (const code of entry[list]) columns.codes.push(code);
      columns.codeEnds[codeLists.length * i + k] = columns.codes.length;
    });
    for (const phone of entry.phones) {
      columns.phoneNumbers.push(phone.number);
      columns.phoneDescriptions.push(phone.description);
    }
    columns.phoneEnds[i] = columns.phoneNumbers.length;
  });
  return columns;
}

/** The entries again, from their columns (in the worker). */
export function columnEntries(columns: EntryColumns): SearchableEntry[] {
  const { codes, codeEnds, phoneEnds } = columns;
  let code = 0;
  const codesTo = (end: number) => {
    const list = codes.slice(code, end);
    code = end;
    return list;
  };
  let phone = 0;
  return columns.ids.map((id, i): SearchableEntry => {
    const at = codeLists.length * i;
    const phones: SearchableEntry['phones'][number][] = [];
    for (; phone < phoneEnds[i]!; phone++) phones.push({ number: columns.phoneNumbers[phone]!, description: columns.phoneDescriptions[phone]! });
    return {
      id,
      organizationId: columns.organizationIds[i]!,
      name: columns.names[i]!,
      alternateName: columns.alternateNames[i]!,
      description: columns.descriptions[i]!,
      verified: (columns.flags[i]! & 1) !== 0,
      is24x7: (columns.flags[i]! & 2) !== 0 ? true : null,
      countries: codesTo(codeEnds[at]!),
      services: codesTo(codeEnds[at + 1]!),
      languages: codesTo(codeEnds[at + 2]!),
      populations: codesTo(codeEnds[at + 3]!),
      channels: codesTo(codeEnds[at + 4]!),
      phones,
    };
  });
}
