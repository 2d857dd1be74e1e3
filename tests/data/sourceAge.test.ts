import { describe, expect, it } from 'vitest';
import { ageParts, parseSourceDate, sourceAge } from '../../src/data/sourceAge.ts';

const NOW = new Date('2026-12-02T10:00:00Z');

describe('parseSourceDate', () => {
  it('reads a day, a month or a year', () => {
    expect(parseSourceDate('2025-04-23')).toEqual({ year: 2025, month: 4, day: 23 });
    expect(parseSourceDate('2025-04')).toEqual({ year: 2025, month: 4, day: undefined });
    expect(parseSourceDate(' 2023 ')).toEqual({ year: 2023, month: undefined, day: undefined });
  });

  it('refuses anything else, and dates that do not exist', () => {
    for (const text of ['', 'April 2025', '2025-13', '2025-02-29', '2024-04-31', '25-04', '2025/04']) expect(parseSourceDate(text), text).toBeNull();
    expect(parseSourceDate('2024-02-29')).not.toBeNull();
  });
});

describe('sourceAge', () => {
  const age = (text: string) => ageParts(sourceAge(parseSourceDate(text)!, NOW));

  it('counts from the middle of a month: April 2025 on 2 December 2026 is about 1 year 8 months ago', () => {
    // 15 April 2025 → 2 December 2026: 596 days, 19.6 months.
    expect(sourceAge(parseSourceDate('2025-04')!, NOW)).toEqual({ months: 20, precision: 'month' });
    expect(age('2025-04')).toEqual({ years: 1, months: 8 });
  });

  it('counts a day from that day: 23 April 2025 is 19 months ago (588 days)', () => {
    expect(age('2025-04-23')).toEqual({ years: 1, months: 7 });
  });

  it('gives a year’s date in years only: 2023 (from 1 July 2023) is about 3 years ago', () => {
    expect(sourceAge(parseSourceDate('2023')!, NOW)).toEqual({ months: 41, precision: 'year' });
    expect(age('2023')).toEqual({ years: 3, months: 0 });
  });

  it('says months under a year, and 0 for this month or a date ahead', () => {
    expect(age('2026-07')).toEqual({ years: 0, months: 5 });
    expect(age('2026-11-30')).toEqual({ years: 0, months: 0 });
    expect(age('2027-01')).toEqual({ years: 0, months: 0 });
  });
});
