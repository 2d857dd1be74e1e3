/**
 * The build writes into a fresh work folder and swaps it in only when every
 * step has succeeded, so a failed build never leaves a half-written or
 * destroyed previous output.
 *
 * The work folder is not beside the output but in `.cache/` beside the
 * output's parent (for `<repo>/public/data`: `<repo>/.cache/data-build-…`):
 * Vite copies everything in `public/` into `dist/`, so a build killed there
 * would ship its half-written folder. `.cache/` is on the same file system
 * in any ordinary checkout, so the swap stays a rename. Work folders of
 * builds that died are removed by the next build of the same output.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The folder that holds the work folders of builds of `finalDir`. */
export function workRoot(finalDir: string): string {
  return join(dirname(dirname(resolve(finalDir))), '.cache');
}

/** Prefix of the work folders of builds of `finalDir`: its name and a short hash of its path (other outputs share .cache/). */
function workPrefix(finalDir: string): string {
  const hash = createHash('sha256').update(resolve(finalDir)).digest('hex').slice(0, 8);
  return `${basename(finalDir)}-${hash}`;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own earlier build, which has ended
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OutputFolder {
  readonly finalDir: string;
  readonly tempDir: string;
  private readonly previousDir: string;
  /** Bytes of every file written, by path relative to the output folder. */
  readonly sizes = new Map<string, number>();

  constructor(finalDir: string) {
    this.finalDir = resolve(finalDir);
    const root = workRoot(this.finalDir);
    const prefix = workPrefix(this.finalDir);
    restoreInterrupted(this.finalDir, root, prefix);
    this.tempDir = join(root, `${prefix}-build-${process.pid}`);
    this.previousDir = join(root, `${prefix}-old-${process.pid}`);
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
    mkdirSync(dirname(this.finalDir), { recursive: true });
    if (existsSync(this.finalDir)) renameSync(this.finalDir, this.previousDir);
    try {
      renameSync(this.tempDir, this.finalDir);
    } catch (error) {
      if (existsSync(this.previousDir)) renameSync(this.previousDir, this.finalDir);
      throw error;
    }
    rmSync(this.previousDir, { recursive: true, force: true });
    removeIfEmpty(dirname(this.tempDir));
  }

  /** Throws the unfinished output away; the previous output is untouched. */
  abort(): void {
    rmSync(this.tempDir, { recursive: true, force: true });
    removeIfEmpty(dirname(this.tempDir));
  }
}

function removeIfEmpty(dir: string): void {
  try {
    // rmdir (not rm -r) fails on a folder another build has just written into.
    rmdirSync(dir);
  } catch {
    // not empty, or already gone
  }
}

/**
 * If an earlier build was killed between its two renames, its previous output
 * sits in `.cache/<name>-<hash>-old-<pid>` and the output is missing: put it
 * back. Work folders of dead builds are removed, and so are the
 * `<output>.tmp-<pid>` and `.old-<pid>` folders that earlier versions of the
 * build left beside the output.
 */
function restoreInterrupted(finalDir: string, root: string, prefix: string): void {
  const parent = dirname(finalDir);
  const name = basename(finalDir);
  if (existsSync(parent)) {
    for (const entry of readdirSync(parent)) {
      const path = join(parent, entry);
      if (entry.startsWith(`${name}.old-`) && !existsSync(finalDir)) renameSync(path, finalDir);
      else if (entry.startsWith(`${name}.old-`) || entry.startsWith(`${name}.tmp-`)) rmSync(path, { recursive: true, force: true });
    }
  }
  if (!existsSync(root)) return;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(build|old)-(\\d+)$`);
  for (const entry of readdirSync(root).sort()) {
    const match = pattern.exec(entry);
    if (!match || processAlive(Number(match[2]))) continue;
    const path = join(root, entry);
    if (match[1] === 'old' && !existsSync(finalDir)) renameSync(path, finalDir);
    else rmSync(path, { recursive: true, force: true });
  }
}

export { round } from '../../src/stats/rounding.ts';
import { round } from '../../src/stats/rounding.ts';

export function roundAll(values: ArrayLike<number>, decimals: number): number[] {
  return Array.from(values, (value) => round(value, decimals));
}
