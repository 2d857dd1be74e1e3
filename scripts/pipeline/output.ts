/**
 * The build writes into a fresh temporary folder beside the output folder
 * and swaps it in only when every step has succeeded, so a failed build
 * never leaves a half-written or destroyed previous output.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputFolder {
  readonly finalDir: string;
  readonly tempDir: string;
  /** Bytes of every file written, by path relative to the output folder. */
  readonly sizes = new Map<string, number>();

  constructor(finalDir: string) {
    this.finalDir = resolve(finalDir);
    restoreInterrupted(this.finalDir);
    this.tempDir = `${this.finalDir}.tmp-${process.pid}`;
    rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir, { recursive: true });
  }

  write(relativePath: string, content: string | Uint8Array): void {
    const path = join(this.tempDir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    this.sizes.set(relativePath, typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);
  }

  /** Compact JSON; callers round numbers first, so output is deterministic. */
  writeJson(relativePath: string, value: unknown): void {
    this.write(relativePath, JSON.stringify(value));
  }

  /**
   * Replaces the previous output with this one: two renames, so the window in
   * which neither exists is tiny, and a build killed inside it is repaired by
   * the next one (restoreInterrupted).
   */
  commit(): void {
    const previous = `${this.finalDir}.old-${process.pid}`;
    if (existsSync(this.finalDir)) renameSync(this.finalDir, previous);
    try {
      renameSync(this.tempDir, this.finalDir);
    } catch (error) {
      if (existsSync(previous)) renameSync(previous, this.finalDir);
      throw error;
    }
    rmSync(previous, { recursive: true, force: true });
  }

  /** Throws the unfinished output away; the previous output is untouched. */
  abort(): void {
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/**
 * If an earlier build was killed between its two renames, its previous output
 * sits in `<dir>.old-<pid>` and `<dir>` is missing: put it back. Leftover
 * temporary folders of dead builds are removed.
 */
function restoreInterrupted(finalDir: string): void {
  const parent = dirname(finalDir);
  if (!existsSync(parent)) return;
  const name = basename(finalDir);
  for (const entry of readdirSync(parent)) {
    const path = join(parent, entry);
    if (entry.startsWith(`${name}.old-`) && !existsSync(finalDir)) renameSync(path, finalDir);
    else if (entry.startsWith(`${name}.old-`) || entry.startsWith(`${name}.tmp-`)) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Rounds half away from zero to `decimals` places, as a person would: the
 * shift is done on the decimal text ("0.2405e3"), so the binary
 * representation (0.2405 is stored as 0.24049999…) does not turn a half
 * down. -0 becomes 0.
 */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Math.sign(value) * shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  return rounded === 0 ? 0 : rounded;
}

/** value × 10^places, done on the decimal text, which may be in exponent form ("5e-7", "1e+22"). */
function shiftDecimal(value: number, places: number): number {
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}

export function roundAll(values: ArrayLike<number>, decimals: number): number[] {
  return Array.from(values, (value) => round(value, decimals));
}
