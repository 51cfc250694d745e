/** What the key change bench page exposes and returns; shared by the page bundle and the Node driver. */
export interface KeyChangeBenchOptions {
  records: number;
  repetitions: number;
}

/** Milliseconds per measured repetition (the warm-up is not included). */
export interface KeyChangeBenchSamples {
  /** Every record read and written back once through the store. */
  readWrite: number[];
  /** Every record re-encrypted under the next keys (opening the store with `nextKeys`). */
  keyChange: number[];
}

export type KeyChangeBenchWindow = Window & {
  runKeyChangeBench(options: KeyChangeBenchOptions): Promise<KeyChangeBenchSamples>;
};
