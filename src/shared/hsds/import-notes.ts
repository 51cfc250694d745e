import { fillEnglishText } from './import-problems';

/**
 * What an HSDS import read but did not import, as stable codes with the values their text needs, like the
 * import problems (import-problems.ts). The shared code says what was left out; the interface says it in the
 * person's language (directory locales, `import.notImported.<code>`, in plural forms when the note has a
 * count). `noteMessage` gives the English text for logs and tests, from the same texts the interface shows.
 */

/** Every code, with the names of the values its text uses; `count` also chooses the plural form. */
export const importNoteValues = {
  /** Taxonomy terms in the input: Waypoint keeps its own taxonomies. */
  taxonomyTerms: ['count'],
  taxonomies: ['count'],
  /** An HSDS API description (openapi_url): it holds no records. */
  apiDescription: ['count'],
  /** A page of an API response: the records on the other pages were not given. */
  otherPages: ['count'],
  /** Tables Waypoint does not keep: `files` names them, `count` says how many. */
  unreadTables: ['files', 'count'],
  /** A folder of CSV files without datapackage.json: the tables were recognised by their file names. */
  noDescriptor: [],
  inactiveServices: ['count'],
  /** Locations linked to no service or organization in the import. */
  unlinkedLocations: ['count'],
} as const satisfies Record<string, readonly string[]>;

export type ImportNoteCode = keyof typeof importNoteValues;

export const importNoteCodes = Object.keys(importNoteValues) as ImportNoteCode[];

type ValuesFor<C extends ImportNoteCode> = (typeof importNoteValues)[C] extends readonly []
  ? { code: C; values?: undefined }
  : { code: C; values: { [K in (typeof importNoteValues)[C][number]]: K extends 'count' ? number : string } };

export type ImportNote = { [C in ImportNoteCode]: ValuesFor<C> }[ImportNoteCode];

/**
 * The English texts, the same as `import.notImported` in the directory's en.json (a unit test keeps them
 * equal): a note with a count has a text for one (`_one`) and for any other number (`_other`).
 */
export const englishNoteTexts: Record<string, string> = {
  taxonomyTerms_one: 'Not imported: 1 taxonomy term (Waypoint keeps its own taxonomies).',
  taxonomyTerms_other: 'Not imported: {{count}} taxonomy terms (Waypoint keeps its own taxonomies).',
  taxonomies_one: 'Not imported: 1 taxonomy (Waypoint keeps its own taxonomies).',
  taxonomies_other: 'Not imported: {{count}} taxonomies (Waypoint keeps its own taxonomies).',
  apiDescription_one: 'Not imported: an HSDS API description (it holds no records).',
  apiDescription_other: 'Not imported: {{count}} HSDS API descriptions (they hold no records).',
  otherPages_one: 'Not imported: the records on the other page of this API response (only this page was given).',
  otherPages_other: 'Not imported: the records on the other {{count}} pages of this API response (only this page was given).',
  unreadTables_one: 'Not imported: {{files}}, a table Waypoint does not keep.',
  unreadTables_other: 'Not imported: {{files}}, tables Waypoint does not keep.',
  noDescriptor: 'There is no datapackage.json: the tables were recognised by their file names.',
  inactiveServices_one: 'Not imported: 1 service marked inactive or defunct.',
  inactiveServices_other: 'Not imported: {{count}} services marked inactive or defunct.',
  unlinkedLocations_one: 'Not imported: 1 location linked to no service or organization in this import.',
  unlinkedLocations_other: 'Not imported: {{count}} locations linked to no service or organization in this import.',
};

/** The note's text in English, values filled in. */
export function noteMessage(note: ImportNote): string {
  const values: Record<string, string | number> = note.values ?? {};
  const key = 'count' in values ? `${note.code}_${values.count === 1 ? 'one' : 'other'}` : note.code;
  return fillEnglishText(englishNoteTexts[key]!, values);
}
