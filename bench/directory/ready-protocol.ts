/** What ./ready-page.ts puts on the page for ./ready.ts to call. */
export interface ReadyWindow {
  timeIndexReady(workerScript: string, services: number, organizations: number): Promise<{ ready: number; mainThread: number }>;
}
