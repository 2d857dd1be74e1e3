/**
 * How old a source's information is, for "NHS England, April 2025 — about
 * 1 year 8 months ago". A source's date is as precise as known
 * (src/data/servicesSchema.ts ServiceSource.date): a day ("2025-04-23"), a
 * month ("2025-04") or a year ("2023"). The age is counted from the middle
 * of what the date names (the 15th of a month, 1 July of a year), in whole
 * months, rounded, so that a month's or a year's date is neither flattered
 * nor aged.
 */

export interface SourceDate {
  year: number;
  /** 1–12. */
  month?: number;
  day?: number;
}

export type DatePrecision = 'day' | 'month' | 'year';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads "2025-04-23", "2025-04" or "2023"; null for anything else (or a date that does not exist). */
export function parseSourceDate(text: string): SourceDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part === undefined ? undefined : Number(part)));
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year!, month!, 0)).getUTCDate())) return null;
  return { year: year!, month, day };
}

export function precisionOf(date: SourceDate): DatePrecision {
  return date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
}

/** The date as an instant, for formatting in UTC: the day, or the first of the month, or 1 January. */
export function sourceDateValue(date: SourceDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
}

/** The middle of what the date names, as a UTC instant. */
function middle(date: SourceDate): number {
  if (date.day !== undefined) return Date.UTC(date.year, date.month! - 1, date.day, 12);
  if (date.month !== undefined) return Date.UTC(date.year, date.month - 1, 15);
  return Date.UTC(date.year, 6, 1);
}

/** An average month, in ms (365.2425 days / 12). */
const MONTH_MS = (365.2425 / 12) * 86_400_000;

export interface SourceAge {
  /** Whole months from the date to now, rounded (0 for a date in the future). */
  months: number;
  precision: DatePrecision;
}

export function sourceAge(date: SourceDate, now: Date): SourceAge {
  const months = Math.max(0, Math.round((now.getTime() - middle(date)) / MONTH_MS));
  return { months, precision: precisionOf(date) };
}

/**
 * An age as a reader says it: years and months, only years for a date
 * known to the year (its months would be made up), only months under a
 * year.
 */
export function ageParts(age: SourceAge): { years: number; months: number } {
  if (age.precision === 'year') return { years: Math.round(age.months / 12), months: 0 };
  return { years: Math.floor(age.months / 12), months: age.months % 12 };
}
