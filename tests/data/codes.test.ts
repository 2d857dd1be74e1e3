import { describe, expect, it } from 'vitest';
import { decodeCodes, encodeCodes } from '../../src/data/codes.ts';

describe('encodeCodes', () => {
  it('stores the letter, the digit width and the gaps between numbers', () => {
    // E01000001 → 1000001 (first delta from 0), then +1, +1, +2
    expect(encodeCodes(['E01000001', 'E01000002', 'E01000003', 'E01000005'])).toEqual({
      prefix: 'E',
      width: 8,
      deltas: [1000001, 1, 1, 2],
    });
  });

  it('encodes authority codes with mixed E06–E09 entity types', () => {
    // E06000001 → 6000001; E07000008 → 7000008 (7000008 − 6000001 = 1000007);
    // E08000025 → 8000025 (− 7000008 = 1000017); E09000001 → 9000001 (− 8000025 = 999976)
    expect(encodeCodes(['E06000001', 'E07000008', 'E08000025', 'E09000001'])).toEqual({
      prefix: 'E',
      width: 8,
      deltas: [6000001, 1000007, 1000017, 999976],
    });
  });

  it('encodes an empty list', () => {
    expect(encodeCodes([])).toEqual({ prefix: '', width: 0, deltas: [] });
  });

  it('rejects unsorted codes', () => {
    expect(() => encodeCodes(['E01000002', 'E01000001'])).toThrow(/sorted and unique \(E01000001\)/);
  });

  it('rejects duplicate codes', () => {
    expect(() => encodeCodes(['E05000001', 'E05000001'])).toThrow(/sorted and unique/);
  });

  it('rejects malformed codes', () => {
    expect(() => encodeCodes(['E0100001'])).toThrow(/cannot encode code E0100001/); // 7 digits
    expect(() => encodeCodes(['e01000001'])).toThrow(/cannot encode/); // lower-case letter
    expect(() => encodeCodes(['E01000001', 'E010000021'])).toThrow(/E010000021/); // 9 digits
    expect(() => encodeCodes(['E01000001', 'E01 00002'])).toThrow(/does not share/);
  });

  it('rejects codes of different countries in one list', () => {
    expect(() => encodeCodes(['E01000001', 'W01000002'])).toThrow(/W01000002 does not share the prefix E/);
  });
});

describe('decodeCodes', () => {
  it('decodes hand-made encodings', () => {
    expect(decodeCodes({ prefix: 'E', width: 8, deltas: [5000001, 3, 10] })).toEqual(['E05000001', 'E05000004', 'E05000014']);
    expect(decodeCodes({ prefix: '', width: 0, deltas: [] })).toEqual([]);
  });

  it('pads numbers to the width with zeros', () => {
    // 1 → "00000001"
    expect(decodeCodes({ prefix: 'E', width: 8, deltas: [1] })).toEqual(['E00000001']);
  });
});

describe('round trip', () => {
  it('gives back LSOA codes with gaps', () => {
    const codes = ['E01000001', 'E01000002', 'E01000005', 'E01011954', 'E01033768', 'E01035722'];
    expect(decodeCodes(encodeCodes(codes))).toEqual(codes);
  });

  it('gives back authority codes with mixed prefixes', () => {
    const codes = ['E06000001', 'E06000066', 'E07000008', 'E07000246', 'E08000001', 'E08000039', 'E09000001', 'E09000033'];
    expect(decodeCodes(encodeCodes(codes))).toEqual(codes);
  });

  it('gives back a long consecutive run, which encodes as ones', () => {
    const codes = Array.from({ length: 1000 }, (_, i) => `E05${String(10001 + i).padStart(6, '0')}`);
    const encoded = encodeCodes(codes);
    expect(encoded.deltas.slice(1).every((delta) => delta === 1)).toBe(true);
    expect(decodeCodes(encoded)).toEqual(codes);
  });

  it('survives JSON, as the app reads it', () => {
    const codes = ['E05000650', 'E05011118', 'E05015000'];
    expect(decodeCodes(JSON.parse(JSON.stringify(encodeCodes(codes))))).toEqual(codes);
  });
});

describe('class encoding', () => {
  it('stores one base-36 digit per area and reads it back', async () => {
    const { decodeClasses, encodeClasses } = await import('../../src/data/codes.ts');
    const classes = [0, 1, 9, 10, 35, 5];
    expect(encodeClasses(classes)).toBe('019az5');
    expect(Array.from(decodeClasses('019az5'))).toEqual(classes);
  });

  it('refuses what it cannot store or read', async () => {
    const { decodeClasses, encodeClasses } = await import('../../src/data/codes.ts');
    expect(() => encodeClasses([36])).toThrow(/class 36 of area 0/);
    expect(() => encodeClasses([1.5])).toThrow(/class 1.5/);
    expect(() => decodeClasses('12A')).toThrow(/"A" at 2/);
    expect(() => decodeClasses('1 2')).toThrow(/" " at 1/);
  });
});
