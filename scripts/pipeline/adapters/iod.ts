/**
 * The English Indices of Deprivation: the source adapter of the 14 IoD
 * layers (the IMD, 7 domains, 6 sub-domains; src/config/catalogue/deprivation.ts).
 *
 * Inputs: File 7 of the IoD 2025 (required, LSOA 2021), File 10 (optional,
 * official authority summaries), and the IoD 2019 with the LSOA 2011 → 2021
 * lookup (optional; the 2019 release of the LSOA level).
 *
 * LSOAs: the official score, rank and decile of each release. The 2019 ones
 * are carried onto a 2021 LSOA only where the lookup marks it unchanged (U);
 * every other LSOA has none (class 0), counted in the manifest's gaps.
 * Wards and authorities: MHCLG's five summary measures of the 2025 release,
 * computed from their LSOAs, with the official File 10 figures for
 * authorities where published.
 */
import { INDICATORS, type IndicatorId } from '../../../src/config/indicators.ts';
import { isMeasure } from '../../../src/config/measures.ts';
import { readCsv } from '../csv.ts';
import { InputError } from '../errors.ts';
import { SOURCES } from '../inputs.ts';
import { recordSkipped, type Gap, type LevelData } from '../model.ts';
import { parseFile10, type File10 } from './file10.ts';
import { parseIod, type IndicatorColumns, type IodTable } from './iod2025.ts';
import { CHANGE_KINDS, carryOnto2021, parseIod2019, readLsoa11Lookup, type ChangeKind, type Iod2019Table, type Lsoa11Lookup } from './iod2019.ts';
import { compareWithFile10, membersOf, summariseIndicator, useOfficialFigures } from './iodSummaries.ts';
import type { SourceAdapter } from './types.ts';

export interface IodSource {
  file7: IodTable;
  file10?: File10;
  iod2019?: { table: Iod2019Table; lookup: Lsoa11Lookup };
}

export interface IodHarmonised {
  source: IodSource;
  /** File 7 columns in the order of the lookup's LSOAs. */
  lsoa2025: Record<IndicatorId, IndicatorColumns>;
  /** LSOAs without a 2019 figure, by reason. */
  gaps2019: Gap[];
  members: { ward: number[][]; lad: number[][] };
}

const RELEASE_2025 = '2025';
const RELEASE_2019 = '2019';

function alignIod(codes: readonly string[], iod: IodTable): Record<IndicatorId, IndicatorColumns> {
  const position = new Map(iod.codes.map((code, i) => [code, i]));
  const order = codes.map((code) => position.get(code)!);
  const aligned = {} as Record<IndicatorId, IndicatorColumns>;
  for (const indicator of INDICATORS) {
    const source = iod.indicators[indicator.id];
    aligned[indicator.id] = {
      score: Float64Array.from(order, (i) => source.score[i]),
      rank: Int32Array.from(order, (i) => source.rank[i]),
      decile: Uint8Array.from(order, (i) => source.decile[i]),
    };
  }
  return aligned;
}

/** Ranks as numbers, NaN where there is none (0). */
const ranksOf = (ranks: Int32Array) => Float64Array.from(ranks, (r) => (r === 0 ? Number.NaN : r));

function indicatorOf(id: string): IndicatorId {
  const indicator = INDICATORS.find((i) => i.id === id);
  if (!indicator) throw new Error(`adapter iod: layer "${id}" is not an IoD indicator (src/config/indicators.ts)`);
  return indicator.id;
}

export const iodAdapter: SourceAdapter<IodSource, IodHarmonised> = {
  inputs: ['iod2025', 'file10', 'iod2019', 'lsoa11_lsoa21'],

  async read(ctx, note) {
    const { inputs, geography, lookupName } = ctx;
    const lsoaCodes = new Set(geography.lsoa.codes);
    const file7 = parseIod(await readCsv(inputs.iod2025!.path, inputs.iod2025!.name), lsoaCodes, lookupName);
    note(`IoD 2025 File 7: ${file7.codes.length} LSOAs × ${INDICATORS.length} indicators (score, rank, decile) checked`);

    let file10: File10 | undefined;
    if (inputs.file10) {
      file10 = parseFile10(await readCsv(inputs.file10.path, inputs.file10.name), geography.lad.codes, lookupName, geography.lsoa.codes.length);
      note(`File 10: ${file10.codes.length} authorities checked`);
    } else {
      ctx.warn('no File 10 (local authority summaries) was found: every authority figure is computed, none is the official one');
    }

    let iod2019: IodSource['iod2019'];
    if (inputs.iod2019 && !inputs.lsoa11_lsoa21) {
      throw new InputError({
        file: inputs.iod2019.name,
        problem: 'the IoD 2019 is on LSOA 2011 codes and needs the LSOA 2011 → 2021 lookup to be carried onto LSOA 2021, but no such lookup was found',
        hint: `Add ${SOURCES.lsoa11_lsoa21.files.join(' or ')} (${SOURCES.lsoa11_lsoa21.url ?? SOURCES.lsoa11_lsoa21.page}) to the data folder, or pass --lsoa11-lookup <file>.`,
      });
    } else if (inputs.iod2019 && inputs.lsoa11_lsoa21) {
      const lookup = (await readLsoa11Lookup(ctx, note))!;
      const table = parseIod2019(await readCsv(inputs.iod2019.path, inputs.iod2019.name), lookup, lsoaCodes);
      recordSkipped(ctx, note, { file: table.file, what: 'rows outside England', examples: table.skippedOutsideEngland });
      note(`IoD 2019: ${table.codes.length} LSOAs 2011 × ${INDICATORS.length} indicators (rank, decile${table.hasScores ? ', score' : ''}) checked`);
      iod2019 = { table, lookup };
    } else {
      ctx.warn('no IoD 2019 LSOA file was found: the 2019 release is not built');
    }
    return { file7, file10, iod2019 };
  },

  harmonise(source, ctx, note) {
    const { geography } = ctx;
    const gaps2019: Gap[] = [];
    if (source.iod2019) {
      const byKind = new Map<ChangeKind, number>();
      for (const code of geography.lsoa.codes) {
        const kind = source.iod2019.lookup.change.get(code)!;
        if (kind !== 'U') byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      for (const kind of ['S', 'M', 'X'] as const) {
        const count = byKind.get(kind);
        if (count) gaps2019.push({ level: 'lsoa', release: RELEASE_2019, count, reason: `LSOA ${CHANGE_KINDS[kind]} (CHGIND ${kind}): no comparable 2019 figure` });
      }
      const carried = geography.lsoa.codes.length - gaps2019.reduce((sum, g) => sum + g.count, 0);
      note(`IoD 2019 carried onto ${carried} unchanged LSOAs 2021; ${geography.lsoa.codes.length - carried} changed since 2011 have none`);
    }
    return {
      source,
      lsoa2025: alignIod(geography.lsoa.codes, source.file7),
      gaps2019,
      members: {
        ward: membersOf(geography.lsoa.ward, geography.ward.codes.length),
        lad: membersOf(ctx.ladOfLsoa, geography.lad.codes.length),
      },
    };
  },

  level(h, entry, level, ctx) {
    const spec = entry.levels[level];
    if (!spec) return undefined;
    const id = indicatorOf(entry.id);
    if (level === 'lsoa') {
      const releases = spec.releases.filter((r) => r === RELEASE_2025 || (r === RELEASE_2019 && h.source.iod2019));
      const columns = releases.map((r) =>
        r === RELEASE_2025 ? h.lsoa2025[id] : carryOnto2021(h.source.iod2019!.table, h.source.iod2019!.lookup, ctx.geography.lsoa.codes, id),
      );
      const data: LevelData = { releases, measures: {} };
      for (const measure of spec.measures) {
        if (measure.id !== 'score') throw new Error(`adapter iod has no LSOA measure "${measure.id}"`);
        data.measures.score = {
          value: columns.map((c) => c.score),
          rank: columns.map((c) => ranksOf(c.rank)),
          // Official deciles, as published (0 where the 2019 figure does not carry over).
          class: columns.map((c) => c.decile),
        };
      }
      return { data, gaps: releases.includes(RELEASE_2019) ? h.gaps2019 : [] };
    }

    // Wards and authorities: the summary measures of the 2025 release.
    const releases = spec.releases.filter((r) => r === RELEASE_2025);
    if (releases.length === 0) return undefined;
    const summaries = summariseIndicator(h.lsoa2025[id], ctx.weights.values, h.members[level], level === 'ward' ? ctx.geography.ward.lad : undefined);
    let agreement: ReturnType<typeof compareWithFile10> = [];
    if (level === 'lad' && h.source.file10) {
      agreement = compareWithFile10(id, summaries, h.source.file10);
      useOfficialFigures(id, summaries, h.source.file10);
    }
    const data: LevelData = { releases, measures: {} };
    for (const measure of spec.measures) {
      if (!isMeasure(measure.id)) throw new Error(`adapter iod has no ${level} measure "${measure.id}"`);
      data.measures[measure.id] = {
        value: [summaries.values[measure.id]],
        rank: [summaries.ranks[measure.id]],
        rankWithinLad: summaries.ranksWithinParent ? [summaries.ranksWithinParent[measure.id]] : undefined,
      };
    }
    const official = summaries.official.filter((m) => spec.measures.some((s) => s.id === m));
    return { data, agreement, official: official.length ? { [RELEASE_2025]: official } : undefined };
  },

  dictionary(layers) {
    const official = layers.flatMap((layer) =>
      Object.entries(layer.officialLadMeasures).map(
        ([release, measures]) =>
          `- ${layer.entry.id} (${release}): ${measures.map((m) => layer.entry.csvColumn('lad', layer.entry.levels.lad!.measures.find((s) => s.id === m)!, release, 'value')).join(', ')}`,
      ),
    );
    const text =
      official.length > 0
        ? `These authority columns are the **official File 10** figures and ranks, as
published by MHCLG:

${official.join('\n')}

All other IoD authority columns (extent and local concentration of the seven
domains, and every measure of the six sub-domains, which File 10 does not
publish) are **computed** here by the same method and weights as the wards.`
        : `No File 10 was given to this build, so **every** IoD authority column is
**computed** here by the same method and weights as the wards; none is the
official figure.`;
    return { title: 'Where IoD authority figures come from', text };
  },
};
