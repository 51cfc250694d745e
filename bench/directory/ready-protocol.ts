/** What ./ready-page.ts puts on the page for ./ready.ts to call. */
export interface ReadyWindow {
  /** Holds the prebuilt index of the generated services (base64, as it crosses from Node) for the next runs. */
  setPrebuilt(base64: string, data: string): void;
  /**
   * From a fresh worker to the index back on the main thread: built from every entry, or with `prebuilt`, read
   * from the prebuilt index (fetched, then transferred to the worker) with `own` own entries indexed and merged in.
   */
  timeIndexReady(workerScript: string, services: number, organizations: number, prebuilt: { own: number } | null): Promise<{ ready: number; mainThread: number }>;
}
