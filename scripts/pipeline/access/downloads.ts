/**
 * The access layer's downloads, for planners who take the figures away:
 *
 *   downloads/lsoa_access.csv   one row per LSOA: the distance to the nearest service of each type,
 *                               that service's name and id, and what the ward shares are made of
 *                               (ward, authority, IMD 2025 decile, residents)
 *   downloads/ward_access.csv   one row per ward: residents of the most deprived fifth, and how many
 *   downloads/lad_access.csv    of them (and what share, ranked) live more than 1 km from a library,
 *                               a GP practice, a food bank or all three
 *
 * and their section of the column dictionary (downloads/README.md). Each
 * column is written and described from one list, so the dictionary cannot
 * miss a column. Distances, shares and ranks are the derived layer's (as
 * rounded and ranked for the map), so the files say what the app shows.
 */
import { DEPRIVED_DECILES, DEPRIVED_RESIDENTS, FAR_FROM_ALL, FAR_MEASURES, FAR_METRES, farMeasureId, nearestMeasureId, type FarMeasure } from '../../../src/config/catalogue/access.ts';
import type { LayerEntry } from '../../../src/config/catalogue/index.ts';
import { SERVICE_TYPES } from '../../../src/config/catalogue/services.ts';
import { dataPaths } from '../../../src/data/schema.ts';
import { EARTH_RADIUS_KM } from '../../../src/stats/geodesy.ts';
import { deprivedAccessOf, type AccessHarmonised } from '../adapters/access.ts';
import { SOURCES, type SourceDescription } from '../inputs.ts';
import type { HarmonisedContext, LayerData } from '../model.ts';
import { areaTotals } from '../stages/appData.ts';
import { csvText, type Cell } from '../stages/downloads.ts';
import { isDeprived } from './deprivedAccess.ts';

type AccessLevel = 'lsoa' | 'ward' | 'lad';

interface AccessColumn {
  name: string;
  /** What the column holds, for the dictionary (Markdown, one line). */
  meaning: string;
  cell(area: number): Cell;
}

export interface AccessDownloads {
  files: { path: string; text: string }[];
  /** Section of downloads/README.md ('' when the layer was not built). */
  readme: string;
  seconds: number;
}

const blankIfNaN = (v: number): Cell => (Number.isNaN(v) ? '' : v);

const FAR_WORDS: Record<FarMeasure, string> = {
  library: 'the nearest library',
  gp_practice: 'the nearest GP practice',
  foodbank: 'the nearest food bank',
  [FAR_FROM_ALL]: 'each of the three (the nearest library, GP practice and food bank)',
};

const DEPRIVED = `England's most deprived fifth of LSOAs (IMD 2025 national deciles ${DEPRIVED_DECILES.join(' and ')})`;

function lsoaColumns(layer: LayerData, h: AccessHarmonised, ctx: HarmonisedContext): AccessColumn[] {
  const g = ctx.geography;
  const values = layer.levels.lsoa!.measures;
  const types = SERVICE_TYPES.filter((type) => !h.unlisted.includes(type.id));
  const nearestRecord = (type: (typeof types)[number], i: number) => {
    const { nearest, services } = h.nearest[type.id];
    return nearest[i] < 0 ? undefined : services[nearest[i]];
  };
  return [
    { name: 'lsoa_code', meaning: 'LSOA code (LSOA 2021)', cell: (i) => g.lsoa.codes[i] },
    { name: 'lsoa_name', meaning: 'LSOA name', cell: (i) => g.lsoa.names[i] },
    ...types.map((type) => ({
      name: nearestMeasureId(type.id),
      meaning: `Straight-line distance in whole metres from the LSOA's population-weighted centroid to the nearest ${type.singular.defaultMessage} in England`,
      cell: (i: number) => blankIfNaN(values[nearestMeasureId(type.id)].value[0][i]),
    })),
    ...types.flatMap((type) => [
      {
        name: `${type.id}_nearest_name`,
        meaning: `Name of that nearest ${type.singular.defaultMessage}, as its source publishes it (of two equally near, the first in the services list)`,
        cell: (i: number) => nearestRecord(type, i)?.name ?? '',
      },
      {
        name: `${type.id}_nearest_id`,
        meaning: `Its id in the services files (services/): ${type.id === 'gp_practice' ? 'the ODS practice code' : type.id === 'school' ? 'the school URN' : type.id === 'foodbank' ? 'the Give Food slug' : 'an id derived from its source record'}`,
        cell: (i: number) => nearestRecord(type, i)?.id ?? '',
      },
    ]),
    { name: 'ward_code', meaning: `Ward of the LSOA (WD${String(g.wardVintage).slice(2)}CD, best-fit lookup)`, cell: (i) => g.ward.codes[g.lsoa.ward[i]] },
    { name: 'lad_code', meaning: `Local authority district of the LSOA (LAD${String(g.ladVintage).slice(2)}CD)`, cell: (i) => g.lad.codes[ctx.ladOfLsoa[i]] },
    { name: 'imd_2025_decile', meaning: `IMD 2025 national decile, as published in File 7 (${h.source.iodFile}); 1 = most deprived 10%`, cell: (i) => h.source.imdDecile[i] },
    {
      name: 'most_deprived_fifth',
      meaning: `1 if the LSOA is in ${DEPRIVED}, else 0`,
      cell: (i) => (isDeprived(h.source.imdDecile[i]) ? 1 : 0),
    },
    { name: 'population_weight', meaning: `Residents of the LSOA as weighted in the ward and authority shares: ${ctx.weights.description}`, cell: (i) => ctx.weights.values[i] },
  ];
}

function areaColumns(level: 'ward' | 'lad', layer: LayerData, h: AccessHarmonised, ctx: HarmonisedContext): AccessColumn[] {
  const g = ctx.geography;
  const entry: LayerEntry = layer.entry;
  const data = layer.levels[level]!;
  const figures = deprivedAccessOf(h, level, ctx);
  const totals = areaTotals(ctx.weights.values, level === 'ward' ? g.lsoa.ward : ctx.ladOfLsoa, g[level].codes.length);
  const areaName = level === 'ward' ? 'ward' : 'authority';
  const areas = level === 'ward' ? 'wards' : 'authorities';
  const fixed: AccessColumn[] =
    level === 'ward'
      ? [
          { name: 'ward_code', meaning: `Ward code (electoral wards ${g.wardVintage}, WD${String(g.wardVintage).slice(2)}CD)`, cell: (w) => g.ward.codes[w] },
          { name: 'ward_name', meaning: 'Ward name', cell: (w) => g.ward.names[w] },
          { name: 'lad_code', meaning: `Its local authority district (LAD${String(g.ladVintage).slice(2)}CD)`, cell: (w) => g.lad.codes[g.ward.lad[w]] },
          { name: 'lad_name', meaning: 'Local authority name', cell: (w) => g.lad.names[g.ward.lad[w]] },
        ]
      : [
          { name: 'lad_code', meaning: `Local authority district code (LAD${String(g.ladVintage).slice(2)}CD)`, cell: (l) => g.lad.codes[l] },
          { name: 'lad_name', meaning: 'Local authority name', cell: (l) => g.lad.names[l] },
        ];
  const column = (measureId: string, part: 'value' | 'rank' | 'rankWithinLad') => {
    const measure = entry.levels[level]!.measures.find((m) => m.id === measureId)!;
    const m = data.measures[measureId];
    const values = part === 'value' ? m.value[0] : part === 'rank' ? m.rank![0] : m.rankWithinLad![0];
    return { name: entry.csvColumn(level, measure, data.releases[0], part), cell: (a: number) => blankIfNaN(values[a]) };
  };
  return [
    ...fixed,
    { name: 'lsoa_count', meaning: `LSOAs in the ${areaName}`, cell: (a) => totals.lsoaCount[a] },
    { name: 'population_weight', meaning: `Residents of the ${areaName} (sum of its LSOAs' population weights)`, cell: (a) => totals.population[a] },
    { name: 'deprived_fifth_lsoas', meaning: `Its LSOAs in ${DEPRIVED}`, cell: (a) => figures.lsoas[a] },
    { ...column(DEPRIVED_RESIDENTS, 'value'), meaning: `Residents of those LSOAs (population weights): the base of the shares; 0 where there are none` },
    ...FAR_MEASURES.flatMap((far) => {
      const id = farMeasureId(far);
      const share = column(id, 'value');
      const rank = column(id, 'rank');
      return [
        {
          name: share.name.replace(/_share$/, '_residents'),
          meaning: `Residents of the most deprived fifth whose LSOA centroid is more than ${FAR_METRES.toLocaleString('en-GB')} m from ${FAR_WORDS[far]}`,
          cell: (a: number) => blankIfNaN(figures.far[far].residents[a]),
        },
        { ...share, meaning: `The same as a share of the most deprived fifth's residents (a fraction, 0.25 = 25%, 4 decimals); blank where the ${areaName} has none` },
        { ...rank, meaning: `Rank of that share among the ${areas} that have one (1 = the highest share, the worst access; ties share the smallest rank)` },
        ...(level === 'ward' ? [{ ...column(id, 'rankWithinLad'), meaning: 'Rank of that share among the wards of its authority that have one' }] : []),
      ];
    }),
  ];
}

const csvOf = (columns: AccessColumn[], count: number): string => {
  const rows: Cell[][] = [columns.map((c) => c.name)];
  for (let a = 0; a < count; a++) rows.push(columns.map((c) => c.cell(a)));
  return csvText(rows);
};

/** The three files and their dictionary section; nothing when the access layer was not built. */
export function accessDownloads(layers: readonly LayerData[], harmonised: AccessHarmonised | undefined, ctx: HarmonisedContext): AccessDownloads {
  const started = performance.now();
  const layer = layers.find((l) => l.entry.adapter === 'access');
  if (!layer || !harmonised || !layer.levels.lsoa || !layer.levels.ward || !layer.levels.lad) return { files: [], readme: '', seconds: 0 };
  const columns: Record<AccessLevel, AccessColumn[]> = {
    lsoa: lsoaColumns(layer, harmonised, ctx),
    ward: areaColumns('ward', layer, harmonised, ctx),
    lad: areaColumns('lad', layer, harmonised, ctx),
  };
  const levels = ['lsoa', 'ward', 'lad'] as const;
  const files = levels.map((level) => ({ path: dataPaths.accessDownload(level), text: csvOf(columns[level], ctx.geography[level].codes.length) }));
  return { files, readme: accessReadme(columns, harmonised, ctx, layer), seconds: (performance.now() - started) / 1000 };
}

function accessReadme(columns: Record<AccessLevel, AccessColumn[]>, h: AccessHarmonised, ctx: HarmonisedContext, layer: LayerData): string {
  const g = ctx.geography;
  const services = SERVICE_TYPES.map((type) => {
    const records = h.nearest[type.id].services;
    if (records.length === 0) return `- **${type.label.defaultMessage}**: none in this build; its columns are left out and its shares are blank.`;
    const bySource = new Map<string, number>();
    for (const record of records) bySource.set(record.source, (bySource.get(record.source) ?? 0) + 1);
    const sources = [...bySource].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // A source that is one input of data/sources.json says how old it is; others (two files merged, a directory) are in services/index.json.
    const described = (id: string) => {
      const input = (SOURCES as Partial<Record<string, SourceDescription>>)[id];
      return input ? ` (${input.title}, ${input.vintage})` : '';
    };
    const shown = sources.slice(0, 6).map(([id, n]) => `\`${id}\` ${n.toLocaleString('en-GB')}${described(id)}`);
    const more = sources.length > 6 ? `, and ${sources.length - 6} more` : '';
    return `- **${type.label.defaultMessage}** (${records.length.toLocaleString('en-GB')}): ${type.description.defaultMessage} Records by source: ${shown.join('; ')}${more}.`;
  });
  const table = (['lsoa', 'ward', 'lad'] as const).flatMap((level) => columns[level].map((c) => `| \`${c.name}\` | ${level}_access.csv | ${c.meaning} |`));
  const gaps = layer.gaps.map((gap) => `- ${gap.level}: ${gap.count.toLocaleString('en-GB')} blank: ${gap.reason}`);
  return `
## Access to services: \`lsoa_access.csv\`, \`ward_access.csv\` and \`lad_access.csv\`

How far residents live from services, for every LSOA, and, for every ward
and authority, how many residents of ${DEPRIVED} live more than 1 km from a
library, a GP practice, a food bank, or all three. The same figures are the
map's "Access to services" layer (and its columns in \`lsoa.csv\`,
\`ward.csv\` and \`lad.csv\`).

**Vintages.** LSOA codes are LSOA 2021; wards are electoral wards
${g.wardVintage} (\`WD${String(g.wardVintage).slice(2)}CD\`) and authorities local authority
districts ${g.ladVintage} (\`LAD${String(g.ladVintage).slice(2)}CD\`), each the union of its LSOAs through
the ONS best-fit lookup (${g.file}).

**Distances** are straight lines (great circles on a sphere of radius
${EARTH_RADIUS_KM.toLocaleString('en-GB')} km, by the haversine formula), in whole metres, from the LSOA's
**population-weighted centroid** (ONS, LSOA December 2021 PWC${ctx.inputs.lsoa_pwc ? `, file ${ctx.inputs.lsoa_pwc.name}` : ''}:
the point where the LSOA's residents live on average, not the middle of its
outline) to the nearest service of the type in England. They are **not
travel distances**: a walk is longer (rivers, railways, street layouts;
typically by a third), and everyone in an LSOA is counted at its centroid, so
in large rural LSOAs some residents live much further away. Only services
in England are counted: near Wales and Scotland the nearest may be across
the border and closer than shown. Services are placed at their postcode's
centroid (OS Code-Point Open) or at the coordinates their source publishes
(services/index.json gives every source with its date, and what could not
be placed).

Services in this build:

${services.join('\n')}

**The most deprived fifth** is national: the LSOAs in IMD 2025 deciles
${DEPRIVED_DECILES.join(' and ')} (File 7, ${h.source.iodFile}), the same LSOAs
for every area, so that shares compare across England. A ward or authority
with none of them has no share (blank), and its \`deprived_fifth_residents\`
is 0. An LSOA is more than 1 km from a service when its distance, rounded
to the metre as in \`lsoa_access.csv\`, exceeds ${FAR_METRES.toLocaleString('en-GB')} m; all its
residents count alike. Residents are the population weights of the build:
${ctx.weights.description}.
${gaps.length ? `\nBlank cells:\n\n${gaps.join('\n')}\n` : ''}
| column | file | meaning |
|---|---|---|
${table.join('\n')}
`;
}
