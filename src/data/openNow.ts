/**
 * Whether a service is open now, from its hours in OpenStreetMap's
 * `opening_hours` syntax, read by the `opening_hours` library (the
 * reference implementation behind OSM's own tools; bank holidays of England
 * included). Loaded with the resident panel's hours, never before.
 *
 * Every place here is in England, so "now" is the time in Europe/London,
 * whatever the reader's device is set to. The library works in the
 * runtime's local time, so it is handed London's wall-clock time as a local
 * date, and what it answers (the next opening or closing) is read back as
 * London's wall-clock time. (In the hour a device's own zone skips when its
 * clocks go forward, that wall-clock time does not exist locally and is
 * read an hour late: a limit of the approach, for devices outside the UK.)
 */
import OpeningHours from 'opening_hours';

export const PLACE_TIME_ZONE = 'Europe/London';

/** A wall-clock time in London, relative to today there. */
export interface WallTime {
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Days after today (0 today, 1 tomorrow). */
  days: number;
}

export type OpenState =
  /** Open; `closes` null when it does not close within a week (24/7). */
  | { kind: 'open'; closes: WallTime | null; comment?: string }
  /** Closed; `opens` null when it does not open within a week. */
  | { kind: 'closed'; opens: WallTime | null; comment?: string }
  /** The hours say it may be open ("by appointment", "unknown"). */
  | { kind: 'unknown'; comment?: string }
  /** The text is not in the syntax the library reads. */
  | { kind: 'unreadable' };

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLACE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The instant's wall-clock time in London, as a local Date with those fields. */
export function londonWallClock(instant: Date): Date {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return new Date(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

const dayNumber = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;

function wallTime(change: Date, today: Date): WallTime {
  return { hour: change.getHours(), minute: change.getMinutes(), weekday: change.getDay(), days: Math.round(dayNumber(change) - dayNumber(today)) };
}

const parsed = new Map<string, OpeningHours | null>();

/** The hours read once per text; null when the library cannot read them. */
function readHours(hours: string, lng: number, lat: number): OpeningHours | null {
  // Bank holidays (PH) are England's for every place here; the point only matters to sunrise and sunset times.
  const key = hours;
  if (parsed.has(key)) return parsed.get(key)!;
  let value: OpeningHours | null;
  try {
    value = new OpeningHours(hours, { lat, lon: lng, address: { country_code: 'gb', state: 'England' } });
  } catch {
    value = null;
  }
  parsed.set(key, value);
  return value;
}

/** Open or closed at `now` (an instant; London time is taken), and until when, by hours in `opening_hours` syntax. */
export function openState(hours: string, now: Date, place: { lng: number; lat: number } = { lng: -1.5, lat: 52.5 }): OpenState {
  const reader = readHours(hours, place.lng, place.lat);
  if (!reader) return { kind: 'unreadable' };
  const local = londonWallClock(now);
  const state = reader.getStateString(local, false);
  const comment = reader.getComment(local) || undefined;
  if (state === 'unknown') return { kind: 'unknown', comment };
  const until = new Date(local.getTime() + 8 * 86_400_000);
  // The next change to the other state: open → closed (or unknown), closed → open, skipping changes in between.
  let change: Date | undefined = local;
  do change = reader.getNextChange(change, until);
  while (change && (reader.getStateString(change, false) === 'open') !== (state !== 'open'));
  const at = change ? wallTime(change, local) : null;
  return state === 'open' ? { kind: 'open', closes: at, comment } : { kind: 'closed', opens: at, comment };
}
