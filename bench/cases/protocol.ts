/** What the seeding script exposes in the page; shared by the page bundle and the Node driver. */
export interface SeedOptions {
  /** The record and index keys, as main hands them to the page at unlock. */
  keys: { records: number[]; index: number[]; attachments: number[] };
  templates: unknown[];
  cases: number;
  seed: number;
}

export type SeedWindow = Window & { seedCases(options: SeedOptions): Promise<void> };
