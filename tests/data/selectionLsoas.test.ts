import { describe, expect, it } from 'vitest';
import { lsoasOfSelection } from '../../src/data/selectionLsoas.ts';

// Four LSOAs in three wards of two authorities.
const AREAS = {
  lsoaCodes: ['E01000001', 'E01000002', 'E01000003', 'E01000004'],
  wardCodes: ['E05000001', 'E05000002', 'E05000003'],
  ladCodes: ['E06000001', 'E06000002'],
  wardOfLsoa: [0, 0, 1, 2],
  ladOfWard: [0, 0, 1],
};

describe('lsoasOfSelection', () => {
  it('takes LSOAs as they are and wards and authorities as their LSOAs, once each, in LSOA order', () => {
    expect(lsoasOfSelection(['E01000003', 'E05000001'], AREAS)).toEqual({ members: [0, 1, 2], skipped: 0 });
    expect(lsoasOfSelection(['E06000002', 'E01000004'], AREAS)).toEqual({ members: [3], skipped: 0 });
    expect(lsoasOfSelection(['E06000001'], AREAS)).toEqual({ members: [0, 1, 2], skipped: 0 });
  });

  it('counts codes of no area of the build', () => {
    expect(lsoasOfSelection(['E01999999', 'E05000003', 'nonsense'], AREAS)).toEqual({ members: [3], skipped: 2 });
  });
});
