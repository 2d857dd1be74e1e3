/**
 * A source's date and age as text ("April 2025", "about 1 year 7 months
 * ago"), in the reader's locale, from src/data/sourceAge.ts.
 */
import type { IntlShape } from 'react-intl';
import type { Msg } from '../../config/catalogue/types.ts';
import { ageParts, parseSourceDate, precisionOf, sourceAge, sourceDateValue, type DatePrecision } from '../../data/sourceAge.ts';
import type { Formats } from '../../i18n/useText.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const AGE = {
  recent: m('services.age.recent', 'less than a month ago'),
  months: m('services.age.months', 'about {months, plural, one {# month} other {# months}} ago'),
  years: m('services.age.years', 'about {years, plural, one {# year} other {# years}} ago'),
  yearsMonths: m('services.age.yearsMonths', 'about {years, plural, one {# year} other {# years}} {months, plural, one {# month} other {# months}} ago'),
};

const DATE_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** The date as the source gives it, and how long ago that is; null for a date that cannot be read. */
export function sourceWhen(f: Formats, intl: IntlShape, text: string, now: Date): { date: string; age: string } | null {
  const date = parseSourceDate(text);
  if (!date) return null;
  const { years, months } = ageParts(sourceAge(date, now));
  const age =
    years === 0 && months === 0 ? f.t(AGE.recent) : years === 0 ? f.t(AGE.months, { months }) : months === 0 ? f.t(AGE.years, { years }) : f.t(AGE.yearsMonths, { years, months });
  return { date: intl.formatDate(sourceDateValue(date), DATE_OPTIONS[precisionOf(date)]), age };
}
