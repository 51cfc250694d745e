/** What the bench page exposes and returns; shared by the page bundle and the Node driver. */
export interface RecordsBenchOptions {
  records: number;
  /** Measured pairs (the warm-up pair is not counted). */
  pairs: number;
}

/** Milliseconds per run of one layer: save all the records, then list them all. */
export interface LayerSamples {
  save: number[];
  list: number[];
}

/**
 * Per layer name, one sample per measured pair; sample i of every layer comes from the same pair, run back to
 * back on fresh databases of the same content. `baseline` names the layer the others are compared with.
 */
export interface RecordsBenchSamples {
  baseline: string;
  layers: Record<string, LayerSamples>;
}

export type RecordsBenchWindow = Window & {
  runRecordsBench(options: RecordsBenchOptions): Promise<RecordsBenchSamples>;
  /** One run of one layer, for a profiler to watch (bench/records/profile.ts): `hook` hears each phase start and end. */
  runLayerOnce(layer: string, records: number, hook: (phase: string) => Promise<void>): Promise<{ save: number; list: number }>;
};
