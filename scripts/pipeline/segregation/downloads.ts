/**
 * ward_segregation.csv and lad_segregation.csv: every segregation figure of
 * every ward and authority, in long form (one row per area × grouping ×
 * comparison), computed by src/stats/segregation/areaMeasures.ts from the
 * unit tables (units.ts) — the same computation as the app's — and their
 * section of the column dictionary (downloads/README.md).
 */
import { MEASURE_SCALE, SEGREGATION_LAYERS, type Grouping } from '../../../src/config/catalogue/segregation.ts';
import { comparisonsOf } from '../../../src/config/catalogue/comparisons.ts';
import type { MeasureSpec } from '../../../src/config/catalogue/index.ts';
import { FEW_UNITS } from '../../../src/stats/segregation/areaFigures.ts';
import { CHANGE_SUFFIX, segregationMeasure, unitVintage, type SegregationLevel } from '../../../src/stats/segregation/areaMeasures.ts';
import { unitsByArea } from '../../../src/stats/segregation/areaFigures.ts';
import type { UnitScale } from '../../../src/data/schema.ts';
import type { Geography } from '../lookup.ts';
import { round } from '../output.ts';
import { csvText, type Cell } from '../stages/downloads.ts';
import { releaseUnits, type BuiltUnits, type GroupingUnits } from './units.ts';
import { catalogueText } from '../../../src/config/catalogue/texts/index.ts';

type AreaLevel = 'ward' | 'lad';
type Scale = UnitScale | 'ward';

/** One computed column of a segregation download. */
interface FigureColumn {
  name: string;
  release: string;
  /** A measure of the catalogue, or the number of units of a scale. */
  measure?: MeasureSpec;
  units?: Scale;
}

/** Per grouping, per comparison (comparisonsOf order), per column name: the values of every area (NaN: none). */
type Figures = Map<string, Map<string, Float64Array>[]>;

export interface SegregationTable {
  level: AreaLevel;
  columns: FigureColumn[];
  figures: Figures;
  groupings: GroupingUnits[];
}

const layerOf = (grouping: Grouping) => SEGREGATION_LAYERS.find((layer) => layer.computed?.grouping === grouping.id)!;

/** The scales whose unit counts a level's rows carry, in column order. */
const UNIT_SCALES: Record<AreaLevel, Scale[]> = { ward: ['lsoa', 'oa'], lad: ['lsoa', 'ward', 'oa'] };

/**
 * Rounds as the app stores values (round() of src/stats/rounding.ts, half
 * away from zero on the decimal text), in place. round() goes through the
 * number's text, which on millions of figures takes seconds; a value whose
 * shifted fraction is not within 1e-9 of a half rounds the same by
 * Math.round, and integer / 10^d is the same double as the decimal text
 * read back (both are correctly rounded), so only near-halves take round().
 */
export function roundInPlace(values: Float64Array, decimals: number): void {
  const scale = 10 ** decimals;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    const y = Math.abs(x) * scale;
    const fraction = y - Math.floor(y);
    if (Math.abs(fraction - 0.5) < 1e-9 || y > 2 ** 52) {
      values[i] = round(x, decimals);
      continue;
    }
    const r = (Math.sign(x) * Math.round(y)) / scale;
    values[i] = r === 0 ? 0 : r;
  }
}

const listCache = new WeakMap<BuiltUnits, Partial<Record<AreaLevel, Int32Array[]>>>();
/** The units of each area of a level (cached per table). */
function unitLists(table: BuiltUnits, level: AreaLevel, areaCount: number): Int32Array[] {
  const entry = listCache.get(table) ?? {};
  listCache.set(table, entry);
  return (entry[level] ??= unitsByArea(level === 'ward' ? table.ward : table.lad, areaCount));
}

/**
 * Residents' sub-units of each area on one scale, for one comparison: units
 * with at least one resident of either group (PairFigures.units); NaN where
 * the area has no figure on that scale (incomplete, as areaMeasures.ts).
 */
function unitCounts(level: AreaLevel, scale: Scale, units: GroupingUnits, release: string, geography: Geography, a: number, b: number | null): Float64Array | undefined {
  const tables = units.tables[release];
  const table: BuiltUnits | undefined = scale === 'ward' ? tables.lsoa : tables[scale];
  if (!table) return undefined;
  const G = table.groups;
  const counts = table.counts;
  const occupied = (u: number) => {
    let rest = 0;
    if (b === null) for (let g = 0; g < G; g++) rest += counts[u * G + g];
    const other = b === null ? rest - counts[u * G + a] : counts[u * G + b];
    return counts[u * G + a] + other > 0;
  };
  const areaCount = geography[level].codes.length;
  const out = new Float64Array(areaCount).fill(Number.NaN);
  if (scale === 'ward') {
    // Authorities over their wards: a ward counts when its (summed) LSOAs hold either group.
    const wardHas = new Uint8Array(geography.ward.codes.length);
    for (let u = 0; u < table.ward.length; u++) if (table.ward[u] >= 0 && occupied(u)) wardHas[table.ward[u]] = 1;
    const blockedWard = new Set(table.incomplete.ward);
    const blockedLad = new Set(table.incomplete.lad);
    const sums = new Float64Array(areaCount);
    const broken = new Uint8Array(areaCount);
    geography.ward.lad.forEach((lad, w) => {
      sums[lad] += wardHas[w];
      if (blockedWard.has(w)) broken[lad] = 1;
    });
    for (let k = 0; k < areaCount; k++) if (!broken[k] && !blockedLad.has(k)) out[k] = sums[k];
    return out;
  }
  const blocked = new Set(table.incomplete[level]);
  const lists = unitLists(table, level, areaCount);
  for (let k = 0; k < areaCount; k++) {
    if (blocked.has(k) || lists[k].length === 0) continue;
    let n = 0;
    for (const u of lists[k]) if (occupied(u)) n++;
    out[k] = n;
  }
  return out;
}

/** Every figure of every area of a level, for every grouping, comparison and release. */
export function segregationTable(level: AreaLevel, groupings: GroupingUnits[], geography: Geography): SegregationTable {
  const names = new Map<string, FigureColumn>();
  const figures: Figures = new Map();
  // Columns in a fixed order: newest release first, then the catalogue's measures, then the unit counts.
  const releases = [...new Set(groupings.flatMap((u) => u.releases))].sort().reverse();
  const specs: MeasureSpec[] = [];
  for (const units of groupings) for (const spec of layerOf(units.grouping).levels[level]!.measures) if (!specs.some((s) => s.id === spec.id)) specs.push(spec);
  const order: FigureColumn[] = [];
  for (const release of releases) {
    for (const spec of specs) order.push({ name: `${spec.csv}_${release}`, release, measure: spec });
    for (const scale of UNIT_SCALES[level]) order.push({ name: `units_${scale}_${release}`, release, units: scale });
  }

  for (const units of groupings) {
    const layer = layerOf(units.grouping);
    const specsHere = layer.levels[level]!.measures;
    const perComparison: Map<string, Float64Array>[] = [];
    for (const comparison of comparisonsOf(units.grouping)) {
      const values = new Map<string, Float64Array>();
      units.releases.forEach((release, r) => {
        const now = releaseUnits(units, release, geography);
        const previous = r > 0 ? releaseUnits(units, units.releases[r - 1], geography) : undefined;
        for (const spec of specsHere) {
          if (spec.id.endsWith(CHANGE_SUFFIX) && !previous) continue;
          const v = segregationMeasure(level as SegregationLevel, spec.id, now, comparison, previous);
          if (!v) continue;
          roundInPlace(v, spec.format.storedDecimals);
          values.set(`${spec.csv}_${release}`, v);
        }
        for (const scale of UNIT_SCALES[level]) {
          const n = unitCounts(level, scale, units, release, geography, comparison.a, comparison.b);
          if (n) values.set(`units_${scale}_${release}`, n);
        }
      });
      perComparison.push(values);
    }
    figures.set(units.grouping.id, perComparison);
  }
  // Only the columns some grouping has a value in.
  for (const column of order) {
    const filled = [...figures.values()].some((list) => list.some((values) => values.get(column.name)?.some((x) => !Number.isNaN(x))));
    if (filled) names.set(column.name, column);
  }
  return { level, columns: [...names.values()], figures, groupings };
}

/**
 * The CSV text of a segregation table: fixed columns, then every figure
 * column (empty cell: no figure). The area's codes and names go through the
 * downloads' CSV writer (names may need quoting) once per area; the rest are
 * ids and numbers, which never need quoting, so a row is joined directly
 * (csv-stringify on 350,000 rows of 30 cells takes seconds).
 */
export function segregationCsv(table: SegregationTable, geography: Geography): string {
  const { level, columns } = table;
  const fixed = level === 'ward' ? ['ward_code', 'ward_name', 'lad_code', 'lad_name'] : ['lad_code', 'lad_name'];
  const parts: string[] = [csvText([[...fixed, 'grouping', 'comparison', 'group_a', 'group_b', ...columns.map((c) => c.name)]])];
  const areaCount = geography[level].codes.length;
  const comparisons = table.groupings.map((units) => ({ units, list: comparisonsOf(units.grouping), values: table.figures.get(units.grouping.id)! }));
  const safe = /^[A-Za-z0-9_-]*$/;
  for (let k = 0; k < areaCount; k++) {
    const areaCells: Cell[] =
      level === 'ward'
        ? [geography.ward.codes[k], geography.ward.names[k], geography.lad.codes[geography.ward.lad[k]], geography.lad.names[geography.ward.lad[k]]]
        : [geography.lad.codes[k], geography.lad.names[k]];
    const area = csvText([areaCells]).slice(0, -1);
    for (const { units, list, values } of comparisons) {
      const groups = units.grouping.groups;
      list.forEach((comparison, c) => {
        const ids = [units.grouping.id, comparison.id, groups[comparison.a].id, comparison.b === null ? 'rest' : groups[comparison.b].id];
        if (!ids.every((id) => safe.test(id))) throw new Error(`segregation ids must need no CSV quoting: ${ids.join(', ')}`);
        let row = `${area},${ids.join(',')}`;
        const figures = values[c];
        for (const column of columns) {
          const v = figures.get(column.name)?.[k];
          row += v === undefined || Number.isNaN(v) ? ',' : `,${v}`;
        }
        parts.push(`${row}\n`);
      });
    }
  }
  return parts.join('');
}

const SCALE_TEXT: Record<Scale, string> = { oa: 'Output Areas 2011', lsoa: 'LSOAs', ward: 'wards' };

function scaleText(scale: Scale, release: string): string {
  if (scale === 'oa') return 'Output Areas 2011 (Census 2011 only; about 300 residents each)';
  if (scale === 'lsoa') return release === '2011' ? 'LSOAs 2011 (about 1,600 residents each)' : 'LSOAs 2021 (about 1,600 residents each)';
  return `wards 2024 (each the sum of its ${release === '2011' ? 'LSOAs 2011' : 'LSOAs 2021'})`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The column of a segregation download in words. */
function columnText(column: FigureColumn, level: AreaLevel): string {
  const census = column.release === '2011' ? 'Census 2011' : 'Census 2021';
  if (column.units) {
    return `${census}: the number of ${SCALE_TEXT[column.units]} in the ${level === 'ward' ? 'ward' : 'authority'} with at least one resident of either group compared (the units its D is taken over, ${scaleText(column.units, column.release)}). Below ${FEW_UNITS}, read its indices with care.`;
  }
  const spec = column.measure!;
  const scale = MEASURE_SCALE[spec.id];
  const format = spec.format.style === 'percent' ? `a fraction (0.25 = 25%), ${spec.format.storedDecimals} decimals` : `${spec.format.storedDecimals} decimals`;
  const over = scale ? ` Units: ${scaleText(scale, column.release)}.` : '';
  return `${census}: ${spec.label.defaultMessage}. ${oneLine(catalogueText(spec.description))}${over} (${format})`;
}

/** The section of downloads/README.md on the two segregation files. */
export function segregationReadme(tables: readonly SegregationTable[], gaps: readonly { level: string; release: string; count: number; reason: string }[]): string {
  const groupings = tables[0]?.groupings ?? [];
  const groupingLines = groupings.map((units) => {
    const groups = units.grouping.groups.map((g) => `\`${g.id}\` (${g.label.defaultMessage})`).join(', ');
    const comparisons = comparisonsOf(units.grouping);
    const releases = units.releases
      .map((r) => `${r === '2011' ? 'Census 2011' : 'Census 2021'} on ${(Object.keys(units.tables[r]) as UnitScale[]).map((scale) => unitVintage(scale, r)).join(' and ')}`)
      .join('; ');
    return `- \`${units.grouping.id}\`: ${groups}. ${comparisons.length} comparisons per area: each group against the rest (\`white-rest\`), then every pair (\`asian-black\`). Releases: ${releases}.`;
  });
  const rows = tables.flatMap((table) =>
    table.columns.map((c) => `| \`${c.name}\` | ${table.level}_segregation.csv | ${columnText(c, table.level)} |`),
  );
  const gapLines = gaps.map((g) => `- ${g.release}, ${g.level}: ${g.count.toLocaleString('en-GB')} blank: ${g.reason}`);
  return `
## Segregation: \`ward_segregation.csv\` and \`lad_segregation.csv\`

How unevenly two groups (or one group and everyone else) live across the
small units inside each ward and authority. **Long format**: one row per area
× grouping × comparison, with \`ward_code, ward_name, lad_code, lad_name\`
(ward file) or \`lad_code, lad_name\` (authority file), then
\`grouping\`, \`comparison\` (\`<group_a>-<group_b>\`), \`group_a\`,
\`group_b\` (\`rest\`: every other group of the grouping together), then one
column per measure and release, \`<measure>_<release>\`, and the number of
units each was taken over, \`units_<scale>_<release>\`.

Groupings and comparisons:

${groupingLines.join('\n')}

Religion counts only the residents who answered the (voluntary) question: the
eight answers, not "Not answered", so "against the rest" means against
everyone else who answered.

**Vintages and units.** Census 2021 figures are over the **LSOAs 2021** of
each ward or authority (the LSOA 2021 → ward 2024 best-fit lookup, as every
other file here). Census 2011 figures are over **Output Areas 2011** and
**LSOAs 2011**, carried to the 2024 wards and authorities through the ONS
lookups OA 2011 → LSOA 2011 → LSOA 2021 (exact fit) → ward 2024 (best fit).
An LSOA 2011 all of whose LSOAs 2021 lie in one ward belongs to that ward
(and its Output Areas with it). One split between wards, or redrawn (CHGIND
X), cannot be placed without guessing how its residents divide: every ward it
touches then has **no 2011 figure** (likewise for authorities). Ethnic
groups of 2011 are the 2011 categories summed into the five broad groups of
2021 (White = British + Irish + Gypsy or Irish Traveller + Other White;
Mixed; Asian = Indian + Pakistani + Bangladeshi + Chinese + Other Asian;
Black = African + Caribbean + Other Black; Other = Arab + any other); 2021
added a Roma tick box under White, so only these broad groups compare.
Authorities over wards (\`d_ward\`) take each ward's summed LSOAs as a unit.

**D and D by chance.** D = ½ Σᵢ |aᵢ/A − bᵢ/B| over the units i of the area
(aᵢ, bᵢ its residents of the two groups, A, B the area's totals): the share of
either group that would have to move to another unit for both to be spread
alike. D depends on the unit: smaller units give a larger D, partly by chance
alone. \`d_*_expected\` is the D that the same residents would give if dealt at
random to units of the same sizes (group totals and unit sizes fixed:
aᵢ ~ Hypergeometric(T, A, tᵢ)), computed exactly, not simulated: E[D] =
Σᵢ (A − kᵢ)(tᵢ − kᵢ) P(aᵢ = kᵢ) / (A·B) with kᵢ = ⌊tᵢA/T⌋ (the hypergeometric
mean absolute deviation; src/stats/segregation/expectedDissimilarity.ts). Read
D against it: a D close to its chance value says little. \`d_lsoa_change_2021\`
is D over LSOAs 2021 in 2021 minus D over LSOAs 2011 in 2011 (the units
differ a little: about 1,800 LSOAs 2011 were split or merged in 2021).

**Empty cells.** No figure: the area has only one unit on that scale (a ward
that is a single LSOA: its D would be 0 by definition), one of the two groups
has no resident in the area (D is undefined), the measure does not exist for
that release (Output Areas
and change: 2011 and 2021 respectively only; religion has no 2011 release), or
(2011) the area receives part of an LSOA 2011 it cannot be given whole, see
below. Indices over fewer than ${FEW_UNITS} units (\`units_*\` below ${FEW_UNITS}; a
ward of 4 LSOAs, say) rest on little: read them with care, the app warns.
${gapLines.length ? `\nAreas without a 2011 figure:\n\n${gapLines.join('\n')}\n` : ''}
| column | file | meaning |
|---|---|---|
${rows.join('\n')}

The unit counts themselves are in the app's data folder,
\`segregation/<grouping>/<release>/<scale>.json\` (census counts per unit with its
ward and authority), from which the app computes the same figures.
`;
}
