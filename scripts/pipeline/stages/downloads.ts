/**
 * CSV downloads for people who take the evidence away (to a spreadsheet, a
 * committee paper, their own GIS): one row per LSOA, ward and authority,
 * each with its parents' codes and names, and a column dictionary that
 * states vintages, weights and where every figure comes from.
 */
import { stringify } from 'csv-stringify/sync';
import { INDICATORS } from '../../src/config/indicators.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../../src/config/measures.ts';
import type { Geography } from './lookup.ts';
import type { IndicatorColumns } from './iod.ts';
import type { IndicatorId } from '../../src/config/indicators.ts';
import type { LevelSummaries } from './summaries.ts';
import type { PopulationWeights } from './population.ts';
import { round } from './output.ts';

const csv = (rows: (string | number)[][]) => stringify(rows, { record_delimiter: '\n' });

function measureColumns(prefix: string, measure: Measure, withinLad: boolean): string[] {
  const stem = MEASURE_INFO[measure].csv;
  const columns = [`${prefix}_${stem}`, `${prefix}_rank_of_${stem}`];
  if (withinLad) columns.push(`${prefix}_rank_of_${stem}_within_lad`);
  return columns;
}

const DECILE_COLUMNS = Array.from({ length: 10 }, (_, d) => `imd_lsoas_in_decile_${d + 1}`);

export function lsoaCsv(
  geography: Geography,
  indicators: Record<IndicatorId, IndicatorColumns>,
  weights: PopulationWeights,
): string {
  const header = [
    'lsoa_code',
    'lsoa_name',
    'ward_code',
    'ward_name',
    'lad_code',
    'lad_name',
    'population_weight',
    ...INDICATORS.flatMap((i) => [`${i.id}_score`, `${i.id}_rank`, `${i.id}_decile`]),
  ];
  const rows = geography.lsoa.codes.map((code, i) => {
    const ward = geography.lsoa.ward[i];
    const lad = geography.ward.lad[ward];
    return [
      code,
      geography.lsoa.names[i],
      geography.ward.codes[ward],
      geography.ward.names[ward],
      geography.lad.codes[lad],
      geography.lad.names[lad],
      weights.values[i],
      ...INDICATORS.flatMap((indicator) => {
        const columns = indicators[indicator.id];
        return [columns.score[i], columns.rank[i], columns.decile[i]];
      }),
    ];
  });
  return csv([header, ...rows]);
}

function summaryCells(summaries: LevelSummaries, area: number, withinLad: boolean): (string | number)[] {
  return INDICATORS.flatMap((indicator) => {
    const s = summaries.indicators[indicator.id];
    return MEASURES.flatMap((measure) => {
      const cells: (string | number)[] = [round(s.values[measure][area], MEASURE_INFO[measure].decimals), s.ranks[measure][area]];
      if (withinLad) cells.push(s.ranksWithinParent![measure][area]);
      return cells;
    });
  });
}

function decileCells(summaries: LevelSummaries, area: number): number[] {
  return Array.from(summaries.indicators.imd.decileCounts.subarray(area * 10, area * 10 + 10));
}

export function wardCsv(geography: Geography, summaries: LevelSummaries): string {
  const header = [
    'ward_code',
    'ward_name',
    'lad_code',
    'lad_name',
    'population_weight',
    'lsoa_count',
    ...INDICATORS.flatMap((i) => MEASURES.flatMap((m) => measureColumns(i.id, m, true))),
    ...DECILE_COLUMNS,
  ];
  const rows = geography.ward.codes.map((code, w) => {
    const lad = geography.ward.lad[w];
    return [
      code,
      geography.ward.names[w],
      geography.lad.codes[lad],
      geography.lad.names[lad],
      summaries.population[w],
      summaries.lsoaCount[w],
      ...summaryCells(summaries, w, true),
      ...decileCells(summaries, w),
    ];
  });
  return csv([header, ...rows]);
}

export function ladCsv(geography: Geography, summaries: LevelSummaries, wardCounts: Uint32Array): string {
  const header = [
    'lad_code',
    'lad_name',
    'population_weight',
    'lsoa_count',
    'ward_count',
    ...INDICATORS.flatMap((i) => MEASURES.flatMap((m) => measureColumns(i.id, m, false))),
    ...DECILE_COLUMNS,
  ];
  const rows = geography.lad.codes.map((code, l) => [
    code,
    geography.lad.names[l],
    summaries.population[l],
    summaries.lsoaCount[l],
    wardCounts[l],
    ...summaryCells(summaries, l, false),
    ...decileCells(summaries, l),
  ]);
  return csv([header, ...rows]);
}

/** The column dictionary, downloads/README.md. */
export function downloadsReadme(geography: Geography, weights: PopulationWeights, ladSummaries: LevelSummaries): string {
  const officialList = INDICATORS.flatMap((indicator) => {
    const official = Object.keys(ladSummaries.indicators[indicator.id].official);
    return official.length ? [`- ${indicator.id}: ${official.map((m) => MEASURE_INFO[m as Measure].csv).join(', ')}`] : [];
  });
  const provenance =
    officialList.length > 0
      ? `These authority columns are the **official File 10** figures and ranks, as
published by MHCLG:

${officialList.join('\n')}

All other authority columns (extent and local concentration of the seven
domains, and every measure of the six sub-domains, which File 10 does not
publish) are **computed** here by the same method and weights as the wards.`
      : `No File 10 was given to this build, so **every** authority column is
**computed** here by the same method and weights as the wards; none is the
official figure.`;
  const indicatorList = INDICATORS.map((i) => `| \`${i.id}\` | ${i.label} | ${i.kind} |`).join('\n');
  const measureList = MEASURES.map(
    (m) => `| \`<id>_${MEASURE_INFO[m].csv}\` | ${MEASURE_INFO[m].label}: ${MEASURE_INFO[m].description} (${MEASURE_INFO[m].decimals} decimals${MEASURE_INFO[m].percent ? ', a fraction: 0.25 = 25%' : ''}) |`,
  ).join('\n');
  return `# Downloads: column dictionary

English Indices of Deprivation 2025 (IoD 2025) for every LSOA, ward and local
authority district in England, with the summary measures of wards and
authorities.

## Vintages

- LSOA codes are **LSOA 2021** (the IoD 2025 geography).
- Ward codes are **electoral wards ${geography.wardVintage}** (\`WD${String(geography.wardVintage).slice(2)}CD\`).
- Authority codes are **local authority districts ${geography.ladVintage}** (\`LAD${String(geography.ladVintage).slice(2)}CD\`).
- Each LSOA belongs to one ward through the ONS *best-fit* lookup
  (${geography.file}); wards and authorities here are exactly the union of
  their LSOAs, which is close to, but not the same as, the official ward lines.

## Weights

The population-weighted measures (average score, average rank, extent, local
concentration) weight each LSOA by **${weights.description}**
(file \`${weights.file}\`, column \`${weights.column}\`). The column
\`population_weight\` gives the weight used.

## Files

- \`lsoa.csv\`: one row per LSOA: codes and names of the LSOA, its ward and
  authority; \`population_weight\`; then for each indicator \`<id>_score\`,
  \`<id>_rank\` (1 = most deprived of all LSOAs in England) and \`<id>_decile\`
  (1 = most deprived 10%), exactly as published in File 7.
- \`ward.csv\`: one row per ward, with \`lad_code\`, \`lad_name\`,
  \`population_weight\` (sum over its LSOAs), \`lsoa_count\`, then each summary
  measure of each indicator, its rank among all wards in England
  (\`<id>_rank_of_<measure>\`, 1 = most deprived) and among the wards of its
  authority (\`<id>_rank_of_<measure>_within_lad\`). All ward figures are
  **computed** here with MHCLG's method for the File 10 summaries.
- \`lad.csv\`: one row per authority, with \`ward_count\` and the same measures
  and ranks (among all ${geography.lad.codes.length} authorities).
- \`imd_lsoas_in_decile_1\` … \`_10\` (ward and authority files): how many of
  the area's LSOAs are in each national IMD decile.

## Where authority figures come from

${provenance}

## Indicators (\`<id>\`)

| id | indicator | kind |
|---|---|---|
${indicatorList}

## Summary measures

| column | meaning |
|---|---|
${measureList}

Ranks: 1 = most deprived. Tied values share the smallest rank.
Method: MHCLG, *The English Indices of Deprivation 2025: Technical Report*,
summary measures for higher-level geographies.

## Licence and attribution

Contains public sector information licensed under the Open Government
Licence v3.0. Source: Ministry of Housing, Communities and Local Government,
English Indices of Deprivation 2025; Office for National Statistics (lookup,
boundaries, Census 2021). © Crown copyright and database right 2024.
`;
}
