/** What ./import-page.ts puts on the page for ./import.ts to call. */
export interface ImportWindow {
  /** Makes the HSDS JSON of `services` generated services, before anything is timed; returns its length. */
  prepareImport(services: number, organizations: number): number;
  timeImport(workerScript: string): Promise<{ planned: number; longestTask: number; longestGap: number; added: number }>;
}
