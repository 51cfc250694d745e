/** What the seeding script exposes in the page; shared by the page bundle and the Node driver. */
export interface SeedOptions {
  /** The vault's data key, as main hands it to the page at unlock. */
  keyBytes: number[];
  templates: unknown[];
  cases: number;
  seed: number;
}

export type SeedWindow = Window & { seedCases(options: SeedOptions): Promise<void> };
