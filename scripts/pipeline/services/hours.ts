/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax
 * (https://wiki.openstreetmap.org/wiki/Key:opening_hours), checked with the
 * opening_hours library (the one the app evaluates "open now" with), and the
 * Libraries Hacked day columns converted to it.
 *
 * A value the library refuses, or warns about (a rule that overwrites the one
 * before, a range that ends before it starts, as "Mo-Fr 20:00-17:00"), is not
 * kept as opening hours: the record keeps the hours as text, and the build
 * counts it.
 */
import OpeningHours from 'opening_hours';

/** The days of the Libraries Hacked columns, Monday first, with their OSM abbreviations. */
export const WEEK = [
  { osm: 'Mo', name: 'Monday' },
  { osm: 'Tu', name: 'Tuesday' },
  { osm: 'We', name: 'Wednesday' },
  { osm: 'Th', name: 'Thursday' },
  { osm: 'Fr', name: 'Friday' },
  { osm: 'Sa', name: 'Saturday' },
  { osm: 'Su', name: 'Sunday' },
] as const;

export type HoursCheck = { valid: true } | { valid: false; problem: string };

/**
 * Where values are read: public holidays ("PH") need a country and region,
 * and sunrise or sunset a place; any point in England gives the same verdict
 * on a value (about Meriden, the traditional centre of England).
 */
export const ENGLAND_FOR_OPENING_HOURS = { lat: 52.43, lon: -1.65, address: { country_code: 'gb', state: 'England' } };

/** Parsing takes about 2 ms a value, and many places share theirs ("Mo-Fr 09:00-17:00"): each value is checked once. */
const checked = new Map<string, HoursCheck>();

/** Whether the opening_hours library takes a value, read as in England, without error or warning. */
export function checkOpeningHours(value: string): HoursCheck {
  let check = checked.get(value);
  if (!check) {
    try {
      const warnings = new OpeningHours(value, ENGLAND_FOR_OPENING_HOURS).getWarnings();
      check = warnings.length > 0 ? { valid: false, problem: gist(warnings[0]) } : { valid: true };
    } catch (error) {
      check = { valid: false, problem: gist(String(error instanceof Error ? error.message : error)) };
    }
    checked.set(value, check);
  }
  return check;
}

/**
 * The gist of the library's message: it repeats the value up to the spot
 * ("Mo 10:00 <--- (hyphen (-) or open end (+) in time range expected. …)"),
 * then explains at length; the first sentence of the explanation is kept.
 */
function gist(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim();
  const marker = text.indexOf('<--- (');
  if (marker < 0) return text;
  const explanation = text.slice(marker + '<--- ('.length);
  const end = explanation.search(/\.\s|\)$/);
  return end < 0 ? explanation : explanation.slice(0, end);
}

const TIME_RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/**
 * One day's hours as Libraries Hacked writes them ("09:00-13:00,14:00-17:00")
 * as OSM time ranges, or what is wrong; undefined for a blank day (closed).
 * Each range is HH:MM-HH:MM (24:00 may end one) and ends after it starts, in
 * order and not overlapping.
 */
export function dayRanges(text: string): { ranges: string } | { problem: string } | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return undefined;
  let previousEnd = -1;
  const ranges: string[] = [];
  for (const range of compact.split(',')) {
    const match = TIME_RANGE.exec(range);
    if (!match) return { problem: `"${range}" is not a time range HH:MM-HH:MM` };
    const [h1, m1, h2, m2] = match.slice(1).map(Number);
    const start = h1 * 60 + m1;
    const end = h2 * 60 + m2;
    if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || end > 24 * 60) return { problem: `"${range}" is not a time of day` };
    if (end <= start) return { problem: `"${range}" ends before it starts` };
    if (start < previousEnd) return { problem: `"${range}" overlaps the range before it` };
    previousEnd = end;
    ranges.push(range);
  }
  return { ranges: ranges.join(',') };
}

/**
 * A week of day columns (Monday first) as one OSM value, one rule a day
 * ("Mo 09:00-17:00; Tu 09:00-13:00,14:00-17:00"; a blank day is closed);
 * `value` undefined when every day is blank; or the first problem, naming the day.
 */
export function weekToOsm(days: readonly string[]): { value?: string } | { problem: string } {
  const rules: string[] = [];
  for (let d = 0; d < WEEK.length; d++) {
    const day = dayRanges(days[d] ?? '');
    if (!day) continue;
    if ('problem' in day) return { problem: `${WEEK[d].name}: ${day.problem}` };
    rules.push(`${WEEK[d].osm} ${day.ranges}`);
  }
  return rules.length > 0 ? { value: rules.join('; ') } : {};
}

/** The day columns as published, for a text ("Monday 09:00-17:00; Tuesday 1:00-18:00"). */
export function weekAsText(days: readonly string[]): string {
  return WEEK.flatMap((day, d) => (days[d]?.trim() ? [`${day.name} ${days[d].trim()}`] : [])).join('; ');
}

export interface LibraryHours {
  /** Staffed hours in OSM syntax, checked. */
  openingHours?: string;
  /** Staffed hours as published where they could not be converted or checked; unstaffed hours, labelled. */
  hoursText?: string;
  /** Why some hours are text only (for the build log). */
  problems: string[];
}

/**
 * A library's hours from the Libraries Hacked columns: the staffed hours
 * (when the library is open to everyone) as opening hours; the unstaffed
 * hours (open access, e.g. with a library card) as text after them, since
 * "open now" should mean open with staff.
 */
export function libraryHours(staffed: readonly string[], unstaffed: readonly string[]): LibraryHours {
  const problems: string[] = [];
  const texts: string[] = [];
  let openingHours: string | undefined;
  const week = weekToOsm(staffed);
  if ('problem' in week) {
    problems.push(`staffed hours, ${week.problem}`);
    texts.push(weekAsText(staffed));
  } else if (week.value !== undefined) {
    const check = checkOpeningHours(week.value);
    if (check.valid) openingHours = week.value;
    else {
      problems.push(`staffed hours "${week.value}": ${check.problem}`);
      texts.push(weekAsText(staffed));
    }
  }
  const open = weekToOsm(unstaffed);
  if ('problem' in open) {
    problems.push(`unstaffed hours, ${open.problem}`);
    texts.push(`Unstaffed hours: ${weekAsText(unstaffed)}`);
  } else if (open.value !== undefined) texts.push(`Unstaffed hours: ${open.value}`);
  return { ...(openingHours ? { openingHours } : {}), ...(texts.length ? { hoursText: texts.join('. ') } : {}), problems };
}
