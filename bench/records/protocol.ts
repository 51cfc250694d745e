/** What the bench page exposes and returns; shared by the page bundle and the Node driver. */
export interface RecordsBenchOptions {
  records: number;
  repetitions: number;
}

/** Milliseconds per measured repetition (the warm-up is not included). */
export interface RecordsBenchSamples {
  encryptedSave: number[];
  plainSave: number[];
  encryptedList: number[];
  plainList: number[];
}

export type RecordsBenchWindow = Window & {
  runRecordsBench(options: RecordsBenchOptions): Promise<RecordsBenchSamples>;
};
