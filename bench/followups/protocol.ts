/** What ./seed.ts exposes in the page; shared by the page bundle and the Node driver (./page.ts). */
export interface AgendaSeedOptions {
  /** The record, index and attachments keys, as main hands them to the page at unlock. */
  keys: { records: number[]; index: number[]; attachments: number[] };
  cases: number;
  followUps: number;
  seed: number;
}

export type AgendaSeedWindow = Window & { seedAgenda(options: AgendaSeedOptions): Promise<void> };
