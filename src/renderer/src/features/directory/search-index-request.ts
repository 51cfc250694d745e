import { buildSearchIndex } from '@shared/directory-search';
import type { DirectorySearchIndex, IndexOptions, SearchableEntry, SearchableOrganization } from '@shared/directory-search';
import { waypointTaxonomyTerms } from '@shared/hsds/taxonomy';

/**
 * What the search worker is sent, in order: the entries in parts, then the rest of what the index needs,
 * which starts the build. Plain data only, since functions cannot be posted to a worker.
 */
export type SearchWorkerMessage =
  | { kind: 'entries'; columns: EntryColumns }
  | {
      kind: 'build';
      organizations: readonly SearchableOrganization[];
      /** Interface language: countries and languages are found by their names in it as well as in English. */
      language: string;
      /** Labels of service types, populations and channels in the interface language. */
      termLabels: Record<string, string>;
    };

type BuildRequest = Omit<Extract<SearchWorkerMessage, { kind: 'build' }>, 'kind'>;

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

/** The worker's side: takes the messages in order and gives the index after the last. */
export function searchIndexReceiver(): (message: SearchWorkerMessage) => DirectorySearchIndex | null {
  const entries: SearchableEntry[] = [];
  return (message) => {
    if (message.kind === 'entries') {
      for (const entry of columnEntries(message.columns)) entries.push(entry);
      return null;
    }
    return buildSearchIndex(entries, indexOptions(message));
  };
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

function namesIn(languages: string[], type: 'region' | 'language'): (code: string) => string[] {
  const displays = languages.map((language) => new Intl.DisplayNames([language], { type, fallback: 'none' }));
  return (code) => {
    const names = new Set<string>();
    for (const display of displays) {
      try {
        const name = display.of(code);
        if (name !== undefined) names.add(name);
      } catch {
        // not a valid code for Intl: found by the code itself only
      }
    }
    return [...names];
  };
}

export function indexOptions(request: BuildRequest): IndexOptions {
  const languages = [...new Set([request.language, 'en'])];
  const englishTerms = new Map(waypointTaxonomyTerms().map((term) => [term.code, term.name]));
  return {
    organizations: request.organizations,
    countryNames: namesIn(languages, 'region'),
    languageNames: namesIn(languages, 'language'),
    termNames: (code) => [...new Set([request.termLabels[code], englishTerms.get(code)])].filter((name) => name !== undefined),
  };
}
