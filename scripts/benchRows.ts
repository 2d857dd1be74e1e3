/** What every part of `npm run bench` (bench.ts and its bench*.ts parts) reports, and the helpers they share. */
export interface BenchRow {
  metric: string;
  value: string;
  target?: string;
  pass?: boolean;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (value: number) => `${value.toFixed(0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
