/**
 * Sanity of the shared catalogues: indicators, summary measures and
 * geographies (GSS code shapes).
 */
import { describe, expect, it } from 'vitest';
import { CODE_PATTERNS, isLevel, isOutsideEnglandCode, LEVEL_LABELS, LEVELS, levelOfCode } from '../../src/config/geography.ts';
import { HEADLINE_INDICATORS, INDICATOR_IDS, INDICATORS, indicatorById, isIndicatorId, type IndicatorId } from '../../src/config/indicators.ts';
import { isMeasure, MEASURE_INFO, MEASURES } from '../../src/config/measures.ts';

describe('indicators', () => {
  it('are the IMD, its 7 domains and 6 sub-domains: 14 unique ids', () => {
    expect(INDICATORS).toHaveLength(14);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(14);
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
  });

  it('have one index, seven domains and six sub-domains', () => {
    const kinds = (kind: string) => INDICATORS.filter((i) => i.kind === kind).map((i) => i.id);
    expect(kinds('index')).toEqual(['imd']);
    expect(kinds('domain')).toEqual(['income', 'employment', 'education', 'health', 'crime', 'barriers', 'living']);
    expect(kinds('subdomain')).toEqual(['cyp', 'adult_skills', 'geographical_barriers', 'wider_barriers', 'indoors', 'outdoors']);
  });

  it('give every sub-domain a parent that is a domain, and no one else a parent', () => {
    const parents: Partial<Record<IndicatorId, IndicatorId>> = {
      cyp: 'education',
      adult_skills: 'education',
      geographical_barriers: 'barriers',
      wider_barriers: 'barriers',
      indoors: 'living',
      outdoors: 'living',
    };
    for (const indicator of INDICATORS) {
      expect(indicator.parent, indicator.id).toBe(parents[indicator.id]);
      if (indicator.parent) expect(indicatorById(indicator.parent).kind).toBe('domain');
    }
  });

  it('have distinct labels, short labels and File 7 column bases', () => {
    for (const key of ['label', 'short', 'file7Base'] as const) {
      expect(new Set(INDICATORS.map((i) => i[key])).size, key).toBe(14);
    }
  });

  it('no File 7 column base is the start of another, so prefix matching finds one column', () => {
    for (const a of INDICATORS) {
      for (const b of INDICATORS) if (a !== b) expect(b.file7Base.startsWith(a.file7Base), `${a.id} / ${b.id}`).toBe(false);
    }
  });

  it('have a File 10 prefix exactly for the index and the domains', () => {
    expect(INDICATORS.filter((i) => i.file10Prefix).map((i) => i.id)).toEqual(['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living']);
  });

  it('use ids safe in URLs, file names and CSV column names', () => {
    for (const id of INDICATOR_IDS) expect(id).toMatch(/^[a-z][a-z_]*$/);
  });

  it('headline indicators are the IMD and the domains, in order', () => {
    expect(HEADLINE_INDICATORS.map((i) => i.id)).toEqual(['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living']);
  });

  it('isIndicatorId accepts exactly the ids', () => {
    for (const id of INDICATOR_IDS) expect(isIndicatorId(id)).toBe(true);
    for (const text of ['', 'IMD', 'Income', 'imd ', 'score', 'toString', 'constructor', '__proto__']) expect(isIndicatorId(text)).toBe(false);
  });

  it('indicatorById finds each one and throws for an unknown id', () => {
    expect(indicatorById('crime').label).toBe('Crime');
    expect(indicatorById('imd').label).toBe('Index of Multiple Deprivation');
    expect(() => indicatorById('nope' as IndicatorId)).toThrow(/Unknown indicator nope/);
  });
});

describe('measures', () => {
  it('are the five IoD summary measures', () => {
    expect([...MEASURES]).toEqual(['averageScore', 'averageRank', 'proportionMostDeprived10', 'extent', 'localConcentration']);
    expect(Object.keys(MEASURE_INFO).sort()).toEqual([...MEASURES].sort());
  });

  it('have unique CSV stems safe in column names', () => {
    const stems = MEASURES.map((m) => MEASURE_INFO[m].csv);
    expect(new Set(stems).size).toBe(5);
    for (const stem of stems) expect(stem).toMatch(/^[a-z0-9_]+$/);
  });

  it('keep the decimals of the official File 10', () => {
    expect(MEASURES.map((m) => MEASURE_INFO[m].decimals)).toEqual([3, 2, 4, 4, 2]);
  });

  it('show the two proportions as percentages', () => {
    expect(MEASURES.filter((m) => MEASURE_INFO[m].percent)).toEqual(['proportionMostDeprived10', 'extent']);
  });

  it('isMeasure accepts exactly the measures', () => {
    for (const m of MEASURES) expect(isMeasure(m)).toBe(true);
    for (const text of ['', 'average_score', 'AverageScore', 'extent ', 'median']) expect(isMeasure(text)).toBe(false);
  });
});

describe('geography', () => {
  it('has three levels, smallest first, each with labels', () => {
    expect([...LEVELS]).toEqual(['lsoa', 'ward', 'lad']);
    expect(Object.keys(LEVEL_LABELS)).toEqual(['lsoa', 'ward', 'lad']);
  });

  it('isLevel accepts exactly the levels', () => {
    for (const level of LEVELS) expect(isLevel(level)).toBe(true);
    for (const text of ['', 'LSOA', 'msoa', 'region', 'lad ']) expect(isLevel(text)).toBe(false);
  });

  it.each([
    ['E01000001', 'lsoa'],
    ['E01035722', 'lsoa'],
    ['E05000026', 'ward'],
    ['E05015000', 'ward'],
    ['E06000001', 'lad'], // unitary authority
    ['E07000089', 'lad'], // shire district
    ['E08000025', 'lad'], // metropolitan district
    ['E09000001', 'lad'], // London borough (City of London)
  ])('levelOfCode(%s) is %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
    expect(CODE_PATTERNS[level as 'lsoa'].test(code)).toBe(true);
  });

  it.each([
    'W01000001', // Welsh LSOA
    'S01006506', // Scottish data zone
    'N21000001', // Northern Irish
    'W05000001', // Welsh ward
    'W06000001', // Welsh authority
    'E02000001', // MSOA
    'E04000001', // parish
    'E10000002', // county
    'E12000001', // region
    'E0100000', // 8 characters
    'E010000011', // 10 characters
    'e01000001', // lower case
    ' E01000001',
    'E01000001 ',
    'E01-00001',
    '',
  ])('levelOfCode(%j) is undefined', (code) => {
    expect(levelOfCode(code)).toBeUndefined();
  });

  it('tells Welsh, Scottish and Northern Irish codes apart from English ones', () => {
    expect(isOutsideEnglandCode('W01000001')).toBe(true);
    expect(isOutsideEnglandCode('S12000033')).toBe(true);
    expect(isOutsideEnglandCode('N09000001')).toBe(true);
    expect(isOutsideEnglandCode('E01000001')).toBe(false);
    expect(isOutsideEnglandCode('W0100000')).toBe(false);
    expect(isOutsideEnglandCode('w01000001')).toBe(false);
  });
});
