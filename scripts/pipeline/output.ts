/**
 * The build writes into a fresh temporary folder beside the output folder
 * and swaps it in only when every step has succeeded, so a failed build
 * never leaves a half-written or destroyed previous output.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export class OutputFolder {
  readonly finalDir: string;
  readonly tempDir: string;
  /** Bytes of every file written, by path relative to the output folder. */
  readonly sizes = new Map<string, number>();

  constructor(finalDir: string) {
    this.finalDir = resolve(finalDir);
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

  /** Replaces the previous output with this one. */
  commit(): void {
    const previous = `${this.finalDir}.old-${process.pid}`;
    if (existsSync(this.finalDir)) renameSync(this.finalDir, previous);
    renameSync(this.tempDir, this.finalDir);
    rmSync(previous, { recursive: true, force: true });
  }

  /** Throws the unfinished output away; the previous output is untouched. */
  abort(): void {
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/** Rounds to `decimals` places for output, turning -0 into 0. */
export function round(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

export function roundAll(values: ArrayLike<number>, decimals: number): number[] {
  return Array.from(values, (value) => round(value, decimals));
}
