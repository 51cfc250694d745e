export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What we hold ourselves to, in words (e.g. "<= 200"). */
  target?: string;
  /** How far the samples behind `value` spread, in words (e.g. "IQR 1.30-1.42, min-max 1.25-1.50"). */
  spread?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Quartile by linear interpolation between the closest ranks, so a small sample still has an IQR. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

export interface Summary {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('nothing to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * Ratio of each measured side to its baseline, pair by pair: both sides of a pair ran back to back on the
 * same content, so a load that slows the machine down for a while slows both, and their ratio keeps.
 */
export function pairRatios(measured: readonly number[], baseline: readonly number[]): number[] {
  if (measured.length !== baseline.length) throw new Error(`${measured.length} measured samples for ${baseline.length} baselines`);
  return measured.map((value, i) => value / baseline[i]!);
}

/** A row for the median of per-pair ratios, with their spread beside it. */
export function ratioRow(name: string, measured: readonly number[], baseline: readonly number[], target?: string): BenchRow {
  const { median: middle, q1, q3, min, max } = summarise(pairRatios(measured, baseline));
  const two = (value: number) => value.toFixed(2);
  return {
    name: `${name}, median of ${measured.length} pairs`,
    value: Number(two(middle)),
    unit: 'x',
    ...(target === undefined ? {} : { target }),
    spread: `IQR ${two(q1)}-${two(q3)}, min-max ${two(min)}-${two(max)}`,
  };
}

export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((row) => [row.name, formatNumber(row.value), row.unit, row.target ?? '', row.spread ?? '']);
  const header = ['name', 'value', 'unit', 'target', 'spread'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    cell
      .map((text, column) => (column === 1 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!)))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
