/**
 * Access to services (issue 14, for planners): the source adapter of the
 * access layer (src/config/catalogue/access.ts).
 *
 * Inputs: the LSOAs' population-weighted centroids (BuildContext.lsoaPoints,
 * read before the sources), the services the services stage placed
 * (BuildContext.services), and the IMD 2025 decile of every LSOA. Without
 * centroids or services the layer is not built, with a note (as the other
 * optional inputs: the map says so if a link asks for it).
 *
 * The deciles are File 7's, read again here through the IoD adapter's own
 * parser and checks (parseIod): an adapter sees only its own source, and
 * reading the file twice (about 1 s of the build) keeps the adapters
 * independent of one another and of the order they run in.
 *
 * LSOAs: the distance to the nearest service of each type
 * (access/nearestServices.ts). Wards and authorities: the residents of their
 * LSOAs in England's most deprived fifth and the share of them more than
 * 1 km from a library, a GP practice, a food bank or all three
 * (access/deprivedAccess.ts); ranks and quintiles are derived generically.
 */
import { ACCESS_RELEASE, DEPRIVED_DECILES, DEPRIVED_RESIDENTS, FAR_MEASURES, FAR_TYPES, farMeasureId, nearestMeasureId } from '../../../src/config/catalogue/access.ts';
import type { Level } from '../../../src/config/geography.ts';
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';
import { deprivedAccess, isDeprived, type DeprivedAccess } from '../access/deprivedAccess.ts';
import { nearestServices, type NearestOfType } from '../access/nearestServices.ts';
import { readCsv } from '../csv.ts';
import type { Gap, HarmonisedContext, LevelData } from '../model.ts';
import { parseIod } from './iod2025.ts';
import type { SourceAdapter } from './types.ts';

export interface AccessSource {
  lsoaPoints: readonly number[];
  services: readonly ServiceRecord[];
  /** IMD 2025 national decile of each LSOA, in the lookup's order. */
  imdDecile: Uint8Array;
  /** The File 7 the deciles come from, for the downloads' dictionary. */
  iodFile: string;
}

export interface AccessHarmonised {
  source: AccessSource;
  nearest: Record<ServiceTypeId, NearestOfType>;
  /** Service types the build has no record of: their distances and shares are blank. */
  unlisted: ServiceTypeId[];
}

/** Area of each LSOA at a level above LSOAs. */
function areaOfLsoa(level: 'ward' | 'lad', ctx: HarmonisedContext): ArrayLike<number> {
  return level === 'ward' ? ctx.geography.lsoa.ward : ctx.ladOfLsoa;
}

/** The figures of the most deprived fifth for every ward or authority. */
export function deprivedAccessOf(h: AccessHarmonised, level: 'ward' | 'lad', ctx: HarmonisedContext): DeprivedAccess {
  return deprivedAccess({
    imdDecile: h.source.imdDecile,
    weights: ctx.weights.values,
    metres: Object.fromEntries(FAR_TYPES.map((type) => [type, h.nearest[type].metres])) as Record<(typeof FAR_TYPES)[number], Float64Array>,
    areaOfLsoa: areaOfLsoa(level, ctx),
    areaCount: ctx.geography[level].codes.length,
  });
}

/** Each ward or authority measure from the figures of the most deprived fifth. */
const AREA_VALUES: Record<string, (figures: DeprivedAccess) => Float64Array> = {
  ...Object.fromEntries(FAR_MEASURES.map((far) => [farMeasureId(far), (figures: DeprivedAccess) => figures.far[far].share])),
  [DEPRIVED_RESIDENTS]: (figures) => figures.residents,
};

const typeOfMeasure = new Map(SERVICE_TYPE_IDS.map((type) => [nearestMeasureId(type), type]));

const unlistedGap = (level: Level, count: number, types: readonly string[]): Gap => ({
  level,
  release: ACCESS_RELEASE,
  count,
  reason: `no list of ${types.join(', ')} in this build's services: no distance or share for ${types.length === 1 ? 'it' : 'them'}`,
});

export const accessAdapter: SourceAdapter<AccessSource, AccessHarmonised> = {
  inputs: ['lsoa_pwc', 'iod2025'],

  async read(ctx, note) {
    // Both are optional inputs of the whole build, noted where they are read; here only what it means for this layer.
    if (!ctx.lsoaPoints) {
      note('no LSOA population-weighted centroids (--lsoa-pwc): the access layer is not built');
      return undefined;
    }
    if (!ctx.services || ctx.services.length === 0) {
      note('no services were placed (no service lists were found): the access layer is not built');
      return undefined;
    }
    const started = performance.now();
    const input = ctx.inputs.iod2025!;
    const codes = ctx.geography.lsoa.codes;
    const file7 = parseIod(await readCsv(input.path, input.name), new Set(codes), ctx.lookupName);
    const position = new Map(file7.codes.map((code, i) => [code, i]));
    const imdDecile = Uint8Array.from(codes, (code) => file7.indicators.imd.decile[position.get(code)!]);
    const deprived = imdDecile.filter(isDeprived).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    note(`access: IMD 2025 deciles of ${codes.length} LSOAs read again from ${input.name} in ${seconds} s; ${deprived} in deciles ${DEPRIVED_DECILES.join(' and ')} (the most deprived fifth)`);
    return { lsoaPoints: ctx.lsoaPoints, services: ctx.services, imdDecile, iodFile: input.name };
  },

  harmonise(source, ctx, note) {
    const started = performance.now();
    const nearest = nearestServices(source.services, source.lsoaPoints);
    const unlisted = SERVICE_TYPE_IDS.filter((type) => nearest[type].services.length === 0);
    for (const type of unlisted) ctx.warn(`access: the build has no ${type} records, so the access layer has no distance to one`);
    const counts = SERVICE_TYPE_IDS.map((type) => `${nearest[type].services.length} ${type}`).join(', ');
    note(`access: nearest of ${counts} to ${ctx.geography.lsoa.codes.length} LSOA centroids in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { source, nearest, unlisted };
  },

  level(h, entry, level, ctx) {
    const spec = entry.levels[level];
    if (!spec) return undefined;
    const data: LevelData = { releases: [ACCESS_RELEASE], measures: {} };
    if (level === 'lsoa') {
      for (const measure of spec.measures) {
        const type = typeOfMeasure.get(measure.id);
        if (!type) throw new Error(`adapter access has no LSOA measure "${measure.id}"`);
        data.measures[measure.id] = { value: [h.nearest[type].metres] };
      }
      return { data, gaps: h.unlisted.length ? [unlistedGap(level, ctx.geography.lsoa.codes.length, h.unlisted)] : [] };
    }
    const figures = deprivedAccessOf(h, level, ctx);
    for (const measure of spec.measures) {
      const values = AREA_VALUES[measure.id];
      if (!values) throw new Error(`adapter access has no ${level} measure "${measure.id}"`);
      data.measures[measure.id] = { value: [values(figures)] };
    }
    const without = figures.lsoas.filter((n) => n === 0).length;
    const gaps: Gap[] = without
      ? [{ level, release: ACCESS_RELEASE, count: without, reason: `no LSOA in England's most deprived fifth (IMD 2025 deciles ${DEPRIVED_DECILES.join(' and ')}), so no share` }]
      : [];
    const unlistedFar = FAR_TYPES.filter((type) => h.unlisted.includes(type));
    if (unlistedFar.length) gaps.push(unlistedGap(level, ctx.geography[level].codes.length, unlistedFar));
    return { data, gaps };
  },
};
