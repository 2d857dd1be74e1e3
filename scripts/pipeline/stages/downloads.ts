/**
 * Write stage, CSV downloads for people who take the evidence away (to a
 * spreadsheet, a committee paper, their own GIS): one row per LSOA, ward and
 * authority, each with its parents' codes and names, then the columns of
 * every layer built, named by the catalogue (entry.csvColumn), and a column
 * dictionary (downloads/README.md) written from the catalogue's texts.
 */
import { stringify } from 'csv-stringify/sync';
import { DEFAULT_LAYER_ID, releaseOf, type LayerEntry, type MeasureSpec } from '../../../src/config/catalogue/index.ts';
import type { Level } from '../../../src/config/geography.ts';
import { schemeKind } from '../../../src/config/classSchemes.ts';
import { LEVEL_NAMES } from '../../../src/config/levelText.ts';
import type { Geography } from '../lookup.ts';
import type { LayerData } from '../model.ts';
import type { PopulationWeights } from '../population.ts';
import { areaTotals } from './appData.ts';
import { adapterOf } from '../adapters/index.ts';
import { catalogueText } from '../../../src/config/catalogue/texts/index.ts';

type Part = 'value' | 'rank' | 'rankWithinLad' | 'class';
export type Cell = string | number;

interface Column {
  name: string;
  level: Level;
  layer?: LayerEntry;
  measure?: MeasureSpec;
  release?: string;
  part?: Part;
  cell(area: number): Cell;
}

/** CSV text of rows (LF line ends, quoted only where needed): the writer of every download. */
export const csvText = (rows: Cell[][]) => stringify(rows, { record_delimiter: '\n' });
const csv = csvText;
const number = (v: number): Cell => (Number.isNaN(v) ? '' : v);

/** The parts of a measure written at a level, in column order. */
const PARTS: Record<Level, Part[]> = {
  lsoa: ['value', 'rank', 'class'],
  ward: ['value', 'rank', 'rankWithinLad', 'class'],
  lad: ['value', 'rank', 'class'],
};

/**
 * The columns of every layer at a level: per layer, newest release first (so
 * the default figures come first), per measure, per part. A column with no
 * value at all in a release (e.g. IoD 2019 scores, which the shared 2019 file
 * does not have) is left out.
 */
export function layerColumns(layers: readonly LayerData[], level: Level): Column[] {
  const columns: Column[] = [];
  for (const layer of layers) {
    const data = layer.levels[level];
    if (!data) continue;
    const spec = layer.entry.levels[level]!;
    for (let r = data.releases.length - 1; r >= 0; r--) {
      const release = data.releases[r];
      for (const measure of spec.measures) {
        const m = data.measures[measure.id];
        const arrays: Record<Part, ArrayLike<number> | undefined> = {
          value: m.value[r],
          rank: m.rank?.[r],
          rankWithinLad: m.rankWithinLad?.[r],
          class: m.class?.[r],
        };
        for (const part of PARTS[level]) {
          const values = arrays[part];
          if (!values) continue;
          const blank = part === 'class' ? (v: number) => v === 0 : Number.isNaN;
          if (Array.prototype.every.call(values, blank)) continue;
          columns.push({
            name: layer.entry.csvColumn(level, measure, release, part),
            level,
            layer: layer.entry,
            measure,
            release,
            part,
            cell: (a) => (blank(values[a]) ? '' : values[a]),
          });
        }
      }
    }
  }
  return columns;
}

/** `imd_lsoas_in_decile_1` …: how the LSOAs of each ward or authority spread over the default layer's LSOA classes. */
function classCountColumns(layers: readonly LayerData[], level: 'ward' | 'lad'): Column[] {
  const layer = layers.find((l) => l.entry.id === DEFAULT_LAYER_ID);
  const counts = layer?.lsoaClassCounts[level];
  if (!layer || !counts) return [];
  const n = layer.classCount;
  const word = schemeKind(layer.entry.classes).className(layer.entry.classes).defaultMessage.toLowerCase();
  return Array.from({ length: n }, (_, c) => ({
    name: `${layer.entry.id}_lsoas_in_${word}_${c + 1}`,
    level,
    layer: layer.entry,
    cell: (a: number) => counts[a * n + c],
  }));
}

export interface DownloadsInput {
  geography: Geography;
  ladOfLsoa: Int32Array;
  weights: PopulationWeights;
  layers: readonly LayerData[];
}

/** Every column of a level's download, fixed columns first. */
export function downloadColumns(input: DownloadsInput, level: Level): Column[] {
  const { geography: g, weights } = input;
  const fixed = (name: string, cell: (a: number) => Cell): Column => ({ name, level, cell });
  let columns: Column[];
  if (level === 'lsoa') {
    const ward = (i: number) => g.lsoa.ward[i];
    const lad = (i: number) => input.ladOfLsoa[i];
    columns = [
      fixed('lsoa_code', (i) => g.lsoa.codes[i]),
      fixed('lsoa_name', (i) => g.lsoa.names[i]),
      fixed('ward_code', (i) => g.ward.codes[ward(i)]),
      fixed('ward_name', (i) => g.ward.names[ward(i)]),
      fixed('lad_code', (i) => g.lad.codes[lad(i)]),
      fixed('lad_name', (i) => g.lad.names[lad(i)]),
      fixed('population_weight', (i) => weights.values[i]),
      ...layerColumns(input.layers, 'lsoa'),
    ];
  } else if (level === 'ward') {
    const totals = areaTotals(weights.values, g.lsoa.ward, g.ward.codes.length);
    columns = [
      fixed('ward_code', (w) => g.ward.codes[w]),
      fixed('ward_name', (w) => g.ward.names[w]),
      fixed('lad_code', (w) => g.lad.codes[g.ward.lad[w]]),
      fixed('lad_name', (w) => g.lad.names[g.ward.lad[w]]),
      fixed('population_weight', (w) => number(totals.population[w])),
      fixed('lsoa_count', (w) => totals.lsoaCount[w]),
      ...layerColumns(input.layers, 'ward'),
      ...classCountColumns(input.layers, 'ward'),
    ];
  } else {
    const totals = areaTotals(weights.values, input.ladOfLsoa, g.lad.codes.length);
    const wardCount = new Uint32Array(g.lad.codes.length);
    for (const lad of g.ward.lad) wardCount[lad]++;
    columns = [
      fixed('lad_code', (l) => g.lad.codes[l]),
      fixed('lad_name', (l) => g.lad.names[l]),
      fixed('population_weight', (l) => number(totals.population[l])),
      fixed('lsoa_count', (l) => totals.lsoaCount[l]),
      fixed('ward_count', (l) => wardCount[l]),
      ...layerColumns(input.layers, 'lad'),
      ...classCountColumns(input.layers, 'lad'),
    ];
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) throw new Error(`two download columns of ${level}.csv are named "${column.name}" (check csvColumn in the catalogue)`);
    seen.add(column.name);
  }
  return columns;
}

export function downloadCsv(input: DownloadsInput, level: Level): string {
  const columns = downloadColumns(input, level);
  const count = input.geography[level].codes.length;
  const rows: Cell[][] = [columns.map((c) => c.name)];
  for (let a = 0; a < count; a++) rows.push(columns.map((c) => c.cell(a)));
  return csv(rows);
}

// ---------------------------------------------------------------------------
// The column dictionary
// ---------------------------------------------------------------------------

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function rankText(measure: MeasureSpec, level: Level): string {
  const first = measure.polarity === 'higherIsWorse' ? 'most deprived' : 'highest value';
  return `rank among all ${LEVEL_NAMES[level].plural.defaultMessage} in England (1 = ${first}; ties share the smallest rank)`;
}

function classText(layer: LayerEntry, level: Level, measure: MeasureSpec): string {
  const scheme = layer.classes;
  if (scheme.kind === 'deciles') {
    return level === 'lsoa'
      ? 'official decile (1 = most deprived 10% of LSOAs in England), as published'
      : `decile of the national rank among all ${LEVEL_NAMES[level].plural.defaultMessage} (1 = most deprived 10%)`;
  }
  if (scheme.kind === 'quantiles') {
    const name = scheme.count === 5 ? 'quintile' : `${scheme.count}-quantile`;
    return `national ${name} among all ${LEVEL_NAMES[level].plural.defaultMessage} (1 = lowest values; Hyndman & Fan type 1 cut points, as on the map)`;
  }
  if (scheme.kind === 'bands') return `band of fixed limits ${scheme.limits[measure.id].join(', ')} (band 1: up to the first; each band above the limit before it, up to its own)`;
  return 'class on the map';
}

function partText(column: Column): string {
  const { layer, measure, part, level, release } = column;
  if (!layer || !measure || !part || !release) return '';
  const r = releaseOf(layer, release);
  const what = `${measure.label.defaultMessage} (${r ? r.label.defaultMessage : release})`;
  const format =
    measure.format.style === 'percent'
      ? `a fraction (0.25 = 25%), ${measure.format.storedDecimals} decimals`
      : measure.format.style === 'integer'
        ? 'a whole number'
        : `${measure.format.storedDecimals} decimals`;
  const text =
    part === 'value'
      ? `${what}: ${oneLine(catalogueText(measure.description))} (${format})`
      : part === 'rank'
        ? `${what}: ${rankText(measure, level)}`
        : part === 'rankWithinLad'
          ? `${what}: rank among the wards of its authority`
          : `${what}: ${classText(layer, level, measure)}`;
  const missing = r?.missing ? ` Blank: ${oneLine(catalogueText(r.missing))}.` : '';
  return `${text}.${missing}`.replace(/\.\./g, '.');
}

/** The column dictionary, downloads/README.md. */
export function downloadsReadme(input: DownloadsInput): string {
  const { geography, weights, layers } = input;
  // Each source adapter says what the catalogue cannot (official against computed figures, say).
  const provenance = [...new Set(layers.map((layer) => layer.entry.adapter))].flatMap((id) => {
    const section = adapterOf(id).dictionary?.(layers.filter((layer) => layer.entry.adapter === id));
    return section ? [`\n## ${section.title}\n\n${section.text}\n`] : [];
  });

  const sections = layers.map((layer) => {
    const entry = layer.entry;
    const rows = (['lsoa', 'ward', 'lad'] as const).flatMap((level) =>
      layerColumns([layer], level).map((c) => `| \`${c.name}\` | ${level}.csv | ${partText(c)} |`),
    );
    const releases = entry.releases
      .filter((r) => Object.values(layer.levels).some((l) => l!.releases.includes(r.id)))
      .map((r) => `${r.label.defaultMessage} (${r.sourceVintage})`);
    const gaps = layer.gaps.map((g) => `- ${g.release}, ${g.level}: ${g.count.toLocaleString('en-GB')} blank: ${g.reason}`);
    return `### ${entry.label.defaultMessage} (\`${entry.id}\`)

${oneLine(catalogueText(entry.description))}

${oneLine(catalogueText(entry.about))}

Releases: ${releases.join(', ')}. Sources: ${entry.sources.join(', ')} (manifest.json lists the files used).
${gaps.length ? `\nBlank cells:\n\n${gaps.join('\n')}\n` : ''}
| column | file | meaning |
|---|---|---|
${rows.join('\n')}
`;
  });

  return `# Downloads: column dictionary

Every layer of the Cohesion Atlas for every LSOA, ward and local authority
district in England: the English Indices of Deprivation (2025, and 2019 where
comparable) with the summary measures of wards and authorities, ethnic
diversity from Census 2021 (and 2011 where comparable) and religious diversity
from Census 2021. Empty cells mean "no value" (for example a 2019 figure of an
LSOA whose boundary changed in 2021).

## Vintages

- LSOA codes are **LSOA 2021** (the IoD 2025 and Census 2021 geography).
- Ward codes are **electoral wards ${geography.wardVintage}** (\`WD${String(geography.wardVintage).slice(2)}CD\`).
- Authority codes are **local authority districts ${geography.ladVintage}** (\`LAD${String(geography.ladVintage).slice(2)}CD\`).
- Each LSOA belongs to one ward through the ONS *best-fit* lookup
  (${geography.file}); wards and authorities here are exactly the union of
  their LSOAs, which is close to, but not the same as, the official ward lines.
  Their census figures are sums over those LSOAs.

## Weights

The population-weighted IoD measures (average score, average rank, extent,
local concentration) weight each LSOA by **${weights.description}**
(file \`${weights.file}\`, column \`${weights.column}\`). The column
\`population_weight\` gives the weight used (for wards and authorities, the
sum over their LSOAs).

## Files

- \`lsoa.csv\`: one row per LSOA: codes and names of the LSOA, its ward and
  authority; \`population_weight\`; then the columns of every layer below.
- \`ward.csv\`: one row per ward, with \`lad_code\`, \`lad_name\`,
  \`population_weight\`, \`lsoa_count\`, the columns of every layer, and
  \`${DEFAULT_LAYER_ID}_lsoas_in_decile_1\` … \`_10\`: how many of the ward's LSOAs are
  in each national decile of the ${layers.find((l) => l.entry.id === DEFAULT_LAYER_ID)?.entry.label.defaultMessage ?? DEFAULT_LAYER_ID}.
- \`lad.csv\`: one row per authority, with \`ward_count\` and the same columns
  (ranks among all ${geography.lad.codes.length} authorities).

Ranks: 1 = most deprived (or, for measures that are not deprivation, the
highest value). Tied values share the smallest rank.
IoD summary method: MHCLG, *The English Indices of Deprivation 2025:
Technical Report*, summary measures for higher-level geographies.
${provenance.join('')}
## Layers and their columns

${sections.join('\n')}
## Licence and attribution

Contains public sector information licensed under the Open Government
Licence v3.0. Source: Ministry of Housing, Communities and Local Government,
English Indices of Deprivation 2025 and 2019; Office for National Statistics
(lookups, boundaries, Census 2021). © Crown copyright and database right 2024.
`;
}
