/**
 * Opening hours (scripts/pipeline/services/hours.ts): the Libraries Hacked
 * day columns into the OSM opening_hours syntax, checked with the
 * opening_hours library; what it refuses or warns about kept as text.
 */
import OpeningHours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { checkOpeningHours, dayRanges, ENGLAND_FOR_OPENING_HOURS, libraryHours, weekAsText, weekToOsm } from '../../../scripts/pipeline/services/hours.ts';

describe('dayRanges', () => {
  it('takes HH:MM-HH:MM ranges, comma-separated, and says what is wrong with anything else', () => {
    expect(dayRanges('')).toBeUndefined();
    expect(dayRanges('  ')).toBeUndefined();
    expect(dayRanges('09:00-17:00')).toEqual({ ranges: '09:00-17:00' });
    expect(dayRanges('10:00-13:00, 14:00-17:00')).toEqual({ ranges: '10:00-13:00,14:00-17:00' });
    expect(dayRanges('09:00-24:00')).toEqual({ ranges: '09:00-24:00' });
    // As found in the April 2025 file: a one-digit hour, and a single time.
    expect(dayRanges('1:00-18:00')).toEqual({ problem: '"1:00-18:00" is not a time range HH:MM-HH:MM' });
    expect(dayRanges('00:00')).toEqual({ problem: '"00:00" is not a time range HH:MM-HH:MM' });
    expect(dayRanges('08.30-20:00')).toEqual({ problem: '"08.30-20:00" is not a time range HH:MM-HH:MM' });
    expect(dayRanges('17:00-09:00')).toEqual({ problem: '"17:00-09:00" ends before it starts' });
    expect(dayRanges('25:00-26:00')).toEqual({ problem: '"25:00-26:00" is not a time of day' });
    expect(dayRanges('09:00-13:00,12:00-17:00')).toEqual({ problem: '"12:00-17:00" overlaps the range before it' });
  });
});

describe('weekToOsm', () => {
  it('writes one rule a day, Monday first; blank days are closed; a bad day is named', () => {
    expect(weekToOsm(['09:00-17:00', '09:00-13:00,14:00-17:00', '', '', '', '10:00-12:00', ''])).toEqual({
      value: 'Mo 09:00-17:00; Tu 09:00-13:00,14:00-17:00; Sa 10:00-12:00',
    });
    expect(weekToOsm(['', '', '', '', '', '', ''])).toEqual({});
    expect(weekToOsm(['09:00-17:00', '', '1:00-18:00'])).toEqual({ problem: 'Wednesday: "1:00-18:00" is not a time range HH:MM-HH:MM' });
    expect(weekAsText(['09:00-17:00', '', '1:00-18:00'])).toBe('Monday 09:00-17:00; Wednesday 1:00-18:00');
  });
});

describe('checkOpeningHours', () => {
  it('accepts what the library reads without warning, public holidays included (England)', () => {
    expect(checkOpeningHours('Mo-Fr 09:00-17:00; PH off')).toEqual({ valid: true });
    expect(checkOpeningHours('Mo 09:00-17:00; Tu 09:00-13:00,14:00-17:00')).toEqual({ valid: true });
  });

  it('refuses what the library cannot read, or warns about (values from the warm spaces file)', () => {
    const broken = checkOpeningHours('Mo 00:00');
    expect(broken.valid).toBe(false);
    expect(!broken.valid && broken.problem).toMatch(/hyphen/);
    const overwriting = checkOpeningHours('Th 18:00-08:00; Fr 10:00-12:00');
    expect(overwriting).toEqual({ valid: false, problem: 'This rule overwrites parts of the previous rule' });
    expect(checkOpeningHours('open when the kettle is on').valid).toBe(false);
  });
});

describe('libraryHours', () => {
  it('converts the staffed hours, and the library evaluates them as published (Monday 9 December 2024)', () => {
    const staffed = ['09:00-17:00', '09:00-13:00,14:00-17:00', '', '', '', '', ''];
    const hours = libraryHours(staffed, []);
    expect(hours).toEqual({ openingHours: 'Mo 09:00-17:00; Tu 09:00-13:00,14:00-17:00', problems: [] });
    const parsed = new OpeningHours(hours.openingHours!, ENGLAND_FOR_OPENING_HOURS);
    const at = (day: number, hour: number, minute = 0) => new Date(2024, 11, day, hour, minute);
    expect(parsed.getState(at(9, 8, 59))).toBe(false); // Monday, before nine
    expect(parsed.getState(at(9, 9, 0))).toBe(true);
    expect(parsed.getState(at(9, 16, 59))).toBe(true);
    expect(parsed.getState(at(9, 17, 0))).toBe(false);
    expect(parsed.getState(at(10, 13, 30))).toBe(false); // Tuesday's lunch break
    expect(parsed.getState(at(10, 14, 30))).toBe(true);
    expect(parsed.getState(at(11, 10, 0))).toBe(false); // Wednesday: blank, closed
  });

  it('keeps unstaffed hours as text after the opening hours', () => {
    const hours = libraryHours(['', '09:30-18:00'], ['07:00-14:00,18:00-20:00', '07:00-09:30']);
    expect(hours).toEqual({
      openingHours: 'Tu 09:30-18:00',
      hoursText: 'Unstaffed hours: Mo 07:00-14:00,18:00-20:00; Tu 07:00-09:30',
      problems: [],
    });
  });

  it('keeps hours that are not in the syntax as text, and says why', () => {
    const hours = libraryHours(['', '10:00-19:00', '1:00-18:00'], []);
    expect(hours).toEqual({
      hoursText: 'Tuesday 10:00-19:00; Wednesday 1:00-18:00',
      problems: ['staffed hours, Wednesday: "1:00-18:00" is not a time range HH:MM-HH:MM'],
    });
    expect(libraryHours([], [])).toEqual({ problems: [] });
  });
});
