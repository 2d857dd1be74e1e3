/**
 * Rounding of published numbers, and the output folder that is swapped in
 * only when a build has succeeded.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  let parent: string;
  let finalDir: string;
  const entries = () => readdirSync(parent).sort();
  const read = (path: string) => readFileSync(join(finalDir, path), 'utf8');

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'atlas-output-'));
    finalDir = join(parent, 'data');
  });
  afterEach(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  /** A previous build's output, with one file. */
  function previousOutput() {
    mkdirSync(join(finalDir, 'areas'), { recursive: true });
    writeFileSync(join(finalDir, 'manifest.json'), 'old manifest');
    writeFileSync(join(finalDir, 'areas', 'stale.json'), 'only in the old build');
  }

  it('writes into a temporary folder beside the output, not into the output', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    expect(output.finalDir).toBe(finalDir);
    expect(output.tempDir).toBe(`${finalDir}.tmp-${process.pid}`);
    output.write('manifest.json', 'new manifest');
    expect(readFileSync(join(output.tempDir, 'manifest.json'), 'utf8')).toBe('new manifest');
    expect(read('manifest.json')).toBe('old manifest');
    output.abort();
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
  });

  it('commit creates the output when there was none', () => {
    const output = new OutputFolder(join(parent, 'new', 'deeper', 'data'));
    output.write('f.txt', 'x');
    output.commit();
    expect(readFileSync(join(parent, 'new', 'deeper', 'data', 'f.txt'), 'utf8')).toBe('x');
    expect(readdirSync(join(parent, 'new', 'deeper'))).toEqual(['data']);
  });

  it('abort leaves the previous output untouched and removes the temporary folder', () => {
    previousOutput();
    const output = new OutputFolder(finalDir);
    output.write('manifest.json', 'half-written');
    output.abort();
    expect(read('manifest.json')).toBe('old manifest');
    expect(read('areas/stale.json')).toBe('only in the old build');
    expect(entries()).toEqual(['data']);
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

  it('restores the previous output of a build killed between its two renames', () => {
    // The killed build had moved data to data.old-123 and not yet moved its new output in.
    mkdirSync(join(parent, 'data.old-123'));
    writeFileSync(join(parent, 'data.old-123', 'manifest.json'), 'old manifest');
    mkdirSync(join(parent, 'data.tmp-123'));
    writeFileSync(join(parent, 'data.tmp-123', 'manifest.json'), 'unfinished');
    const output = new OutputFolder(finalDir);
    expect(read('manifest.json')).toBe('old manifest');
    expect(entries()).toEqual(['data', `data.tmp-${process.pid}`]);
    output.abort();
    expect(entries()).toEqual(['data']);
    expect(read('manifest.json')).toBe('old manifest');
  });

  it('removes stale temporary and old folders when the output is intact', () => {
    previousOutput();
    mkdirSync(join(parent, 'data.tmp-999'));
    mkdirSync(join(parent, 'data.old-998'));
    writeFileSync(join(parent, 'data.old-998', 'manifest.json'), 'older');
    mkdirSync(join(parent, `data.tmp-${process.pid}`));
    writeFileSync(join(parent, `data.tmp-${process.pid}`, 'leftover.txt'), 'from an earlier run of this process');
    const output = new OutputFolder(finalDir);
    expect(entries()).toEqual(['data', `data.tmp-${process.pid}`]);
    expect(readdirSync(output.tempDir)).toEqual([]);
    expect(read('manifest.json')).toBe('old manifest');
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
