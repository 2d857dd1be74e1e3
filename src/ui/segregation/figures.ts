/**
 * What the segregation panel shows for a ward, an authority or a set of
 * LSOAs: one row per unit scale and census (LSOAs 2021, LSOAs 2011, OAs
 * 2011, and wards for an authority), each with the figures of
 * src/stats/segregation/areaFigures.ts over the area's units on that scale —
 * the functions the pipeline and the map use — and the columns of the two
 * groups, for the bias correction (run in a worker).
 */
import type { Grouping } from '../../config/catalogue/segregation.ts';
import type { UnitScale } from '../../config/catalogue/types.ts';
import {
  groupTotals,
  MIN_UNITS,
  mixFigures,
  pairColumns,
  pairFigures,
  type Comparison,
  type GroupCounts,
  type MixFigures,
  type PairFigures,
} from '../../stats/segregation/areaFigures.ts';
import { areaUnits, incompleteSet, wardTable, type ReleaseUnits } from '../../stats/segregation/areaMeasures.ts';

export interface ScaleRow {
  /** Names the area, scale, census and comparison: the same key means the same figures (the bias correction is asked for once per key). */
  key: string;
  release: string;
  scale: UnitScale | 'ward';
  /** Why the row has no figures: units that could not be placed, or fewer than two units. */
  missing: 'incomplete' | 'noUnits' | null;
  /** The area's units on this scale. */
  units: number;
  pair: PairFigures | null;
  mix: MixFigures | null;
  /** The two groups' counts per unit, for the bias correction. */
  columns: { a: Float64Array; b: Float64Array } | null;
}

function row(area: string, release: string, scale: ScaleRow['scale'], table: GroupCounts, members: ArrayLike<number>, comparison: Comparison): ScaleRow {
  const key = `${area}:${release}:${scale}:${comparison.a}-${comparison.b ?? 'rest'}`;
  if (members.length < MIN_UNITS) return { key, release, scale, missing: 'noUnits', pair: null, mix: null, columns: null, units: members.length };
  const { a, b } = pairColumns(table, members, comparison);
  return { key, release, scale, missing: null, pair: pairFigures(table, members, comparison), mix: mixFigures(table, members), columns: { a, b }, units: members.length };
}

const missingRow = (area: string, release: string, scale: ScaleRow['scale']): ScaleRow => ({
  key: `${area}:${release}:${scale}`,
  release,
  scale,
  missing: 'incomplete',
  pair: null,
  mix: null,
  columns: null,
  units: 0,
});

/** The rows of a ward or an authority (its position in areas/<level>.json), newest census first. */
export function areaRows(
  releases: { id: string; units: ReleaseUnits }[],
  grouping: Grouping,
  level: 'ward' | 'lad',
  index: number,
  comparison: Comparison,
): ScaleRow[] {
  const rows: ScaleRow[] = [];
  const area = `${level}:${index}`;
  for (const { id, units } of [...releases].reverse()) {
    const scales = [...(grouping.scales[id] ?? [])].sort((x, y) => (x === 'lsoa' ? -1 : y === 'lsoa' ? 1 : 0));
    for (const scale of scales) {
      const table = units.scales[scale];
      if (!table) continue;
      const count = level === 'ward' ? units.wardCount : units.ladCount;
      if (incompleteSet(table, level).has(index)) rows.push(missingRow(area, id, scale));
      else rows.push(row(area, id, scale, table, areaUnits(table, level, count)[index], comparison));
      // An authority also over its wards, right after its LSOAs.
      if (level === 'lad' && scale === 'lsoa') {
        const wards = wardTable(units);
        const members = Array.from(units.wardLad, (lad, w) => (lad === index ? w : -1)).filter((w) => w >= 0);
        rows.push(members.some((w) => wards.incomplete.has(w)) ? missingRow(area, id, 'ward') : row(area, id, 'ward', wards.counts, members, comparison));
      }
    }
  }
  return rows;
}

/** The rows of a set of LSOAs 2021 (their positions in areas/lsoa.json): Census 2021 only. */
export function setRows(release: { id: string; units: ReleaseUnits }, lsoas: readonly number[], comparison: Comparison): ScaleRow[] {
  const table = release.units.scales.lsoa;
  return table ? [row(`set:${lsoas.join(',')}`, release.id, 'lsoa', table, lsoas, comparison)] : [];
}

/** Each group's share of the residents of some units (a composition chart), or null when nobody lives there. */
export function composition(table: GroupCounts, members: ArrayLike<number>): { counts: Float64Array; shares: Float64Array } | null {
  const counts = groupTotals(table, members);
  let total = 0;
  for (const n of counts) total += n;
  return total > 0 ? { counts, shares: counts.map((n) => n / total) } : null;
}
