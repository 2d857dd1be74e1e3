/** Number formats for British English readers. */
import { MEASURE_INFO, type Measure } from '../config/measures.ts';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const formatInteger = (value: number) => integer.format(value);

export function formatDecimal(value: number, decimals: number): string {
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatDecimal(fraction * 100, decimals)}%`;
}

/** A summary measure as people read it: percentages for shares, File 10 precision otherwise. */
export function formatMeasure(measure: Measure, value: number): string {
  const info = MEASURE_INFO[measure];
  return info.percent ? formatPercent(value) : formatDecimal(value, Math.min(info.decimals, 2));
}

export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const rankOf = (rank: number, of: number) => `${formatInteger(rank)} of ${formatInteger(of)}`;

/** "most deprived 10%" for decile 1, "10% least deprived" for 10, else "decile 4". */
export function decileWords(decile: number): string {
  if (decile === 1) return 'among the 10% most deprived';
  if (decile === 10) return 'among the 10% least deprived';
  return decile <= 5 ? `in the ${ordinal(decile)} most deprived tenth` : `in the ${ordinal(11 - decile)} least deprived tenth`;
}
