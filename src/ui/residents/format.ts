/**
 * Distances, walking times and opening times as the resident panel writes
 * them: short on screen ("350 m · about 6 min walk"), spelled out for speech
 * ("350 metres away, about 6 minutes on foot").
 */
import type { IntlShape } from 'react-intl';
import type { WallTime } from '../../data/openNow.ts';
import type { Formats } from '../../i18n/useText.ts';
import { ITEM } from './messages.ts';

export interface RoundedDistance {
  value: number;
  unit: 'meter' | 'kilometer';
}

/** To 10 m under a kilometre, to 100 m (0.1 km) from there: about the precision of a postcode's point. */
export function roundedDistance(metres: number): RoundedDistance {
  const tens = Math.round(metres / 10) * 10;
  if (tens < 1000) return { value: tens, unit: 'meter' };
  return { value: Math.round(metres / 100) / 10, unit: 'kilometer' };
}

/** Whole minutes, at least 1: the estimate is rough, and "0 min" would say nothing. */
export function shownMinutes(minutes: number): number {
  return Math.max(1, Math.round(minutes));
}

export function formatDistance(intl: IntlShape, metres: number, display: 'short' | 'long'): string {
  const { value, unit } = roundedDistance(metres);
  return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: unit === 'kilometer' ? 1 : 0, minimumFractionDigits: unit === 'kilometer' ? 1 : 0 });
}

/** The visible text and the spoken one of a distance and its walk. */
export function distanceTexts(f: Formats, intl: IntlShape, metres: number, walkMinutes: number): { shown: string; spoken: string } {
  const minutes = shownMinutes(walkMinutes);
  return {
    shown: f.t(ITEM.distance, { distance: formatDistance(intl, metres, 'short'), minutes: intl.formatNumber(minutes) }),
    spoken: f.t(ITEM.distanceSpoken, { distance: formatDistance(intl, metres, 'long'), minutes }),
  };
}

// A Sunday (7 January 2024), to name weekdays by number.
const SUNDAY = Date.UTC(2024, 0, 7);

/** "at 09:00", "tomorrow at 09:00", "Monday at 09:00" (London's wall-clock time, as openNow.ts gives it). */
export function formatWhen(f: Formats, intl: IntlShape, when: WallTime): string {
  const time = intl.formatTime(new Date(Date.UTC(2000, 0, 1, when.hour, when.minute)), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const weekday = intl.formatDate(new Date(SUNDAY + when.weekday * 86_400_000), { weekday: 'long', timeZone: 'UTC' });
  return f.t(ITEM.when, { days: when.days, time, weekday });
}
