/**
 * Rounding of published numbers, and the output folder that is swapped in
 * only when a build has succeeded.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFolder, round, roundAll } from '../../scripts/pipeline/output.ts';

describe('round', () => {
  it.each([
    // Halves go away from zero even where the binary value is just below the half.
    [0.2405, 3, 0.241], // stored as 0.24049999…
    [2.675, 2, 2.68], // stored as 2.67499999…; toFixed gives 2.67
    [1.005, 2, 1.01], // stored as 1.00499999…
    [-1.0005, 3, -1.001],
    [-2.675, 2, -2.68],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    // Ordinary rounding.
    [0.24049, 3, 0.24],
    [0.2406, 3, 0.241],
    [12.3449, 2, 12.34],
    [-12.3451, 2, -12.35],
    [123456.789, 1, 123456.8],
    [7, 3, 7],
    [0.1 + 0.2, 4, 0.3],
    // Tiny values, written by JavaScript in exponent form.
    [1e-7, 4, 0],
    [-1e-7, 4, 0],
    [1.5e-7, 6, 0],
    [0.00005, 4, 0.0001],
    // …whose halves also go away from zero: 5e-7 is 0.0000005, 2.5e-7 is 0.00000025.
    [5e-7, 6, 0.000001],
    [-5e-7, 6, -0.000001],
    [2.5e-7, 7, 3e-7],
    [1.23456e-7, 9, 1.23e-7],
  ])('round(%d, %i) = %d', (value, decimals, expected) => {
    expect(round(value, decimals)).toBe(expected);
  });

  it('never gives negative zero', () => {
    expect(Object.is(round(-0, 2), 0)).toBe(true);
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(round(-0.004, 2), 0)).toBe(true);
    expect(Object.is(round(-1e-7, 4), 0)).toBe(true);
    expect(JSON.stringify([round(-0.0001, 3)])).toBe('[0]');
  });

  it('keeps whole numbers and large values', () => {
    expect(round(33755, 2)).toBe(33755);
    expect(round(-42, 0)).toBe(-42);
    expect(round(1e21, 2)).toBe(1e21);
    // 1e20 prints in full, but shifted by two places it is 1e+22, which prints in exponent form.
    expect(round(1e20, 2)).toBe(1e20);
    expect(round(-123456789012345680000, 4)).toBe(-123456789012345680000);
  });

  it('passes NaN and infinities through', () => {
    expect(round(Number.NaN, 2)).toBeNaN();
    expect(round(Infinity, 2)).toBe(Infinity);
    expect(round(-Infinity, 2)).toBe(-Infinity);
  });
});

describe('roundAll', () => {
  it('rounds every value of an array or typed array', () => {
    expect(roundAll([0.2405, -1.0005, 2], 3)).toEqual([0.241, -1.001, 2]);
    expect(roundAll(Float64Array.from([2.675, -0, 0.125]), 2)).toEqual([2.68, 0, 0.13]);
    expect(roundAll([], 2)).toEqual([]);
  });

  it('returns a plain array', () => {
    expect(Array.isArray(roundAll(new Float32Array([1]), 0))).toBe(true);
  });
});

describe('OutputFolder', () => {
  // A checkout: <root>/public/data is the output; work folders go to <root>/.cache, outside public/,
  // which Vite copies into dist/.
  let root: string;
  let parent: string;
  let finalDir: string;
  let cache: string;
  const entries = () => readdirSync(parent).sort();
  const read = (path: string) => readFileSync(join(finalDir, path), 'utf8');
  /** The pid of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'atlas-output-'));
    parent = join(root, 'public');
    finalDir = join(parent, 'data');
    cache = join(root, '.cache');
    mkdirSync(parent);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** A previous build's output, with one file. */
  function previousOutput() {
    mkdirSync(join(finalDir, 'areas'), { recursive: true });
    writeFileSync(join(finalDir, 'manifest.json'), 'old manifest');
    writeFileSync(join(finalDir, 'areas', 'stale.json'), 'only in the old build');
  }

  it('writes into a work folder in .cache beside public/, never inside public/ (which Vite ships)', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    expect(output.finalDir).toBe(finalDir);
    expect(dirname(output.tempDir)).toBe(cache);
    expect(basename(output.tempDir)).toMatch(new RegExp(`^data-[0-9a-f]{8}-build-${process.pid}$`));
    output.write('manifest.json', 'new manifest');
    expect(readFileSync(join(output.tempDir, 'manifest.json'), 'utf8')).toBe('new manifest');
    expect(read('manifest.json')).toBe('old manifest');
    expect(entries()).toEqual(['data']);
    output.abort();
    expect(existsSync(cache)).toBe(false); // the empty .cache it made is gone again
  });

  it('creates nested folders and records the byte size of each file', () => {
    const output = new OutputFolder(finalDir);
    output.write('a/b/c.txt', 'é'); // two bytes in UTF-8
    output.write('bin/data.bin', Uint8Array.from([1, 2, 3, 4, 5]));
    output.writeJson('x.json', { a: [1, 2], b: 'ü' });
    expect([...output.sizes]).toEqual([
      ['a/b/c.txt', 2],
      ['bin/data.bin', 5],
      ['x.json', 20], // 19 characters, "ü" taking two bytes
    ]);
    expect(readFileSync(join(output.tempDir, 'x.json'), 'utf8')).toBe('{"a":[1,2],"b":"ü"}');
    output.abort();
  });

  it('commit replaces the previous output entirely and leaves nothing else behind', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    output.write('manifest.json', 'new manifest');
    output.writeJson('areas/lad.json', { names: ['Hartlepool'] });
    output.commit();
    expect(read('manifest.json')).toBe('new manifest');
    expect(read('areas/lad.json')).toBe('{"names":["Hartlepool"]}');
    expect(existsSync(join(finalDir, 'areas', 'stale.json'))).toBe(false);
    expect(entries()).toEqual(['data']);
    expect(readdirSync(root)).toEqual(['public']);
  });

  it('commit creates the output when there was none', () => {
    const output = new OutputFolder(join(parent, 'new', 'deeper', 'data'));
    output.write('f.txt', 'x');
    output.commit();
    expect(readFileSync(join(parent, 'new', 'deeper', 'data', 'f.txt'), 'utf8')).toBe('x');
    expect(readdirSync(join(parent, 'new', 'deeper'))).toEqual(['data']);
  });

  it('abort leaves the previous output untouched and removes the work folder', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    output.write('manifest.json', 'half-written');
    output.abort();
    expect(read('manifest.json')).toBe('old manifest');
    expect(read('areas/stale.json')).toBe('only in the old build');
    expect(entries()).toEqual(['data']);
    expect(readdirSync(root)).toEqual(['public']);
  });

  it('abort when there was no output leaves none', () => {
    const output = new OutputFolder(finalDir);
    output.write('f.txt', 'x');
    output.abort();
    expect(entries()).toEqual([]);
  });

  it('a commit that cannot move the new output in puts the previous one back and throws', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    output.write('manifest.json', 'new');
    rmSync(output.tempDir, { recursive: true }); // the rename of the new output will fail
    expect(() => output.commit()).toThrow();
    expect(read('manifest.json')).toBe('old manifest');
    expect(entries()).toEqual(['data']);
  });

  it('removes the work folder of a killed build on the next run, and leaves a live build’s alone', () => {
    previousOutput();
    const probe = new OutputFolder(finalDir);
    const prefix = basename(probe.tempDir).replace(/-build-\d+$/, '');
    probe.abort();
    const dead = deadPid();
    mkdirSync(join(cache, `${prefix}-build-${dead}`), { recursive: true });
    writeFileSync(join(cache, `${prefix}-build-${dead}`, 'manifest.json'), 'killed half-way');
    // a build of this output by a process that is still running (the test runner's parent)
    mkdirSync(join(cache, `${prefix}-build-${process.ppid}`));
    // another output's work folder, and something else in .cache
    mkdirSync(join(cache, `data-00000000-build-${dead}`));
    mkdirSync(join(cache, 'vite'));
    const output = new OutputFolder(finalDir);
    expect(readdirSync(cache).sort()).toEqual([`${prefix}-build-${process.pid}`, `${prefix}-build-${process.ppid}`, `data-00000000-build-${dead}`, 'vite'].sort());
    output.write('manifest.json', 'new manifest');
    output.commit();
    expect(read('manifest.json')).toBe('new manifest');
    expect(entries()).toEqual(['data']);
    expect(readdirSync(cache).sort()).toEqual([`${prefix}-build-${process.ppid}`, `data-00000000-build-${dead}`, 'vite'].sort());
  });

  it('restores the previous output of a build killed between its two renames', () => {
    const probe = new OutputFolder(finalDir);
    const prefix = basename(probe.tempDir).replace(/-build-\d+$/, '');
    probe.abort();
    // The killed build had moved data to .cache/<prefix>-old-<pid> and not yet moved its new output in.
    const dead = deadPid();
    mkdirSync(join(cache, `${prefix}-old-${dead}`), { recursive: true });
    writeFileSync(join(cache, `${prefix}-old-${dead}`, 'manifest.json'), 'old manifest');
    mkdirSync(join(cache, `${prefix}-build-${dead}`));
    const output = new OutputFolder(finalDir);
    expect(read('manifest.json')).toBe('old manifest');
    expect(readdirSync(cache)).toEqual([basename(output.tempDir)]);
    output.abort();
    expect(entries()).toEqual(['data']);
    expect(read('manifest.json')).toBe('old manifest');
  });

  it('removes the data.tmp-<pid> and data.old-<pid> folders that earlier builds left inside public/', () => {
    mkdirSync(join(parent, 'data.old-123'));
    writeFileSync(join(parent, 'data.old-123', 'manifest.json'), 'old manifest');
    mkdirSync(join(parent, 'data.tmp-999'));
    writeFileSync(join(parent, 'data.tmp-999', 'manifest.json'), 'unfinished');
    const output = new OutputFolder(finalDir);
    // the old output (no data/ beside it) is put back, the unfinished one removed
    expect(read('manifest.json')).toBe('old manifest');
    expect(entries()).toEqual(['data']);
    output.abort();
  });

  it('leaves folders of other names alone', () => {
    previousOutput();
    mkdirSync(join(parent, 'database.tmp-1'));
    mkdirSync(join(parent, 'other'));
    writeFileSync(join(parent, 'data.txt'), 'a file');
    const output = new OutputFolder(finalDir);
    output.abort();
    expect(entries()).toEqual(['data', 'data.txt', 'database.tmp-1', 'other']);
  });

  it('a second build after a commit replaces the first', () => {
    const first = new OutputFolder(finalDir);
    first.write('one.txt', '1');
    first.commit();
    const second = new OutputFolder(finalDir);
    second.write('two.txt', '2');
    second.commit();
    expect(readdirSync(finalDir)).toEqual(['two.txt']);
    expect(entries()).toEqual(['data']);
  });
});
