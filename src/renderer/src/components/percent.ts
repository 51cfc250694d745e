/** How far a long step has come, as a whole percentage for a progress bar; an empty step is done. */
export function percentDone(done: number, total: number): number {
  return total === 0 ? 100 : Math.round((done / total) * 100);
}
