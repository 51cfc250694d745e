export { importDataKey, recordFormatVersion, type RecordResult, type StoredRow, type UndecryptableRecord } from './cipher';
export {
  RecordSchemaError,
  waypointSchema,
  type DecryptedRecord,
  type IndexFields,
  type IndexValue,
  type RecordSchema,
  type RecordSchemaVersion,
} from './schema';
export {
  closeRecordStore,
  defaultDbName,
  deleteDatabase,
  openRecordStore,
  RecordStoreError,
  writeAllRecords,
  type ListFilter,
  type OpenRecordStoreOptions,
  type RecordInput,
  type RecordStore,
  type RecordStoreHandle,
  type RecordTypes,
  type WriteAllOptions,
} from './store';
