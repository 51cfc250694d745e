/** What the migration bench page exposes and returns; shared by the page bundle and the Node driver. */

/** A record as the version 1 store took it: its table, plaintext kind, time and index fields, and data. */
export interface V1Record {
  table: 'cases' | 'notes' | 'checklists';
  id: string;
  kind: string;
  updatedAt: number;
  index: Record<string, string | number>;
  data: unknown;
}

export interface MigrationBenchOptions {
  records: V1Record[];
  repetitions: number;
}

/** Milliseconds per measured repetition (the warm-up is not included). */
export interface MigrationBenchSamples {
  /** Opening a version 1 database: the migration of every row, in batches. */
  migrate: number[];
  /** Opening it again once migrated. */
  reopen: number[];
}

export type MigrationBenchWindow = Window & { runMigrationBench(options: MigrationBenchOptions): Promise<MigrationBenchSamples> };
