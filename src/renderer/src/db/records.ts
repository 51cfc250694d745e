/**
 * What each table of the app's store holds once decrypted: the map of table -> record type the store
 * is typed by. Records are parsed JSON, so features still check a record's shape before they use it.
 */
import type { CaseAttachment } from '@shared/attachments';
import type { CaseChecklist, CaseNote, CaseRecord } from '@shared/cases';
import type { ChecklistTemplate } from '@shared/checklists';
import type { FollowUp } from '@shared/followups';
import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import type { waypointSchema } from './schema';
import type { RecordStore, Tombstone } from './store';
import type { SummaryData } from './summaries';

/** The person's own directory entry, as typed in the form or read from an HSDS import. */
export interface OwnEntryData {
  entry: DirectoryEntry;
  origin: 'added' | 'imported';
}

/** The person's marks on a directory entry, by kind: `favourite`, `orgNote`, `numberReport`. */
export type OrgMarkData = Record<string, never> | { text: string } | { id: string; number: string; date: string; note: string };

type Newest<Versions> = Versions extends readonly [...unknown[], infer Last extends { tables: object }] ? Last : never;

/** The tables of the newest schema version. */
export type WaypointTable = keyof Newest<(typeof waypointSchema)['versions']>['tables'];

interface TableData {
  cases: CaseRecord;
  notes: CaseNote;
  checklists: CaseChecklist;
  templates: { template: ChecklistTemplate; createdAt: string };
  orgNotes: OrgMarkData;
  ownDirectory: OwnEntryData | DirectoryOrganization;
  followUps: FollowUp;
  attachments: CaseAttachment;
  summaries: SummaryData;
  tombstones: Tombstone;
}

/** Mapped over the schema's tables, so a table added to the schema without a type here does not compile. */
export type WaypointRecords = { [Table in WaypointTable]: TableData[Table] };

/** The app's store, typed by table. */
export type WaypointStore = RecordStore<WaypointRecords>;

/** The store as backup and restore see it: every table, each record's data carried as it is. */
export type OpaqueStore = RecordStore<Record<WaypointTable, unknown>>;
