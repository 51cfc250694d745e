export { importLegacyKey, importRecordKeys, recordFormatVersion, type RecordKeys, type RecordResult, type StoredRow, type UndecryptableRecord } from './cipher';
export { needsLegacyKey, RecordMigrationError } from './migrate';
export { forgetKeyChange, keyChangeJustFinished } from './rekey';
export {
  attachmentChunksTable,
  RecordSchemaError,
  tombstoneTable,
  waypointSchema,
  type DecryptedRecord,
  type IndexFields,
  type IndexValue,
  type RecordSchema,
  type RecordSchemaVersion,
  type RecordTableSpec,
} from './schema';
export {
  closeRecordStore,
  defaultDbName,
  deleteDatabase,
  openRecordStore,
  readCaseRecords,
  rawTable,
  RecordStoreError,
  writeAllRecords,
  type ListFilter,
  type OpenRecordStoreOptions,
  type ReadRecords,
  type RecordInput,
  type RecordStore,
  type RecordStoreHandle,
  type RecordTypes,
  type SummaryReadOptions,
  type Tombstone,
  type WriteAllOptions,
} from './store';
export { agendaSummary, type KeptSummary, type SummaryData, type SummaryRead } from './summaries';
export type { OpaqueStore, OrgMarkData, OwnEntryData, WaypointRecords, WaypointStore, WaypointTable } from './records';
export {
  AttachmentError,
  attachmentChunkBytes,
  blobSha256,
  chunkCiphertext,
  deleteAttachmentChunks,
  readAttachment,
  sweepAttachmentChunks,
  sweepOrphanChunks,
  toHex,
  wholeReadBytes,
  writeAttachment,
  type AttachmentErrorReason,
  type WriteAttachmentOptions,
  type WrittenAttachment,
} from './attachments';
