/**
 * What the census layers of groups (ethnic group, religion) have in common:
 * Simpson's index and one share per group as measures, the Census 2021
 * release, and download columns named `<index>_<release>` and
 * `<share prefix>_<group>_<release>`.
 */
import type { LayerEntry, MeasureSpec, Msg, Release, TextRef } from './types.ts';

export const CENSUS_2021: Release = { id: '2021', label: { id: 'release.census2021', defaultMessage: 'Census 2021' }, sourceVintage: 'LSOA 2021' };

/** Simpson's index of an area, 0–1, kept to four decimals. */
export function simpsonMeasure(texts: { label: Msg; short: Msg; description: TextRef }, csv: string): MeasureSpec {
  return { id: 'simpson', ...texts, csv, format: { style: 'decimal', decimals: 3, storedDecimals: 4 }, polarity: 'neutral', ranked: true };
}

/** A group's share of an area's residents. */
/** Its description is the text `<messagePrefix>.<group>.description` (src/config/catalogue/texts/). */
export function shareMeasure(group: { id: string; label: string; short: string }, messagePrefix: string, csvPrefix: string): MeasureSpec {
  return {
    id: group.id,
    label: { id: `${messagePrefix}.${group.id}`, defaultMessage: `Share of residents: ${group.label}` },
    short: { id: `${messagePrefix}.${group.id}.short`, defaultMessage: `${group.short} share` },
    description: { id: `${messagePrefix}.${group.id}.description` },
    csv: `${csvPrefix}_${group.id}`,
    format: { style: 'percent', decimals: 1, storedDecimals: 4 },
    polarity: 'neutral',
    ranked: true,
  };
}

/** Download column names: `<indexStem>_<release>` for Simpson's index, `<shareStem>_<group>_<release>` for a share, with the part's suffix. */
export function groupCsvColumn(indexStem: string, shareStem: string): LayerEntry['csvColumn'] {
  return (_level, measure, release, part) => {
    const stem = measure.id === 'simpson' ? indexStem : `${shareStem}_${measure.id}`;
    const suffix = { value: '', rank: '_rank', class: '_quintile', rankWithinLad: '_rank_within_lad' }[part];
    return `${stem}_${release}${suffix}`;
  };
}
