/**
 * The access layer through the build's own stages on the hand-made fixture
 * (tests/pipeline/fixtures.ts: 12 LSOAs, 5 wards, 2 authorities): the
 * adapter reads the IMD 2025 deciles from File 7, the derive stage ranks
 * and classes its figures, and the access downloads are written from them.
 * Centroids and services are made up here; distances are checked against a
 * haversine computation written here, and the shares of the most deprived
 * fifth by hand. Without centroids or services the layer is not built, and
 * the build says so.
 *
 * The fixture's most deprived fifth (IMD deciles 1–2 of 12 LSOAs: ranks 1
 * and 2) is L1 (E01000901, ward Alphaton North, 600 residents in File 7's
 * mid-2022 population) and L4 (E01000904, ward Alphaton South, 1,500), both
 * in Alphaton; Betaford has none.
 */
import { parse } from 'csv-parse/sync';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDownloads } from '../../../scripts/pipeline/access/downloads.ts';
import { accessAdapter, type AccessHarmonised } from '../../../scripts/pipeline/adapters/access.ts';
import type { BuildContext, HarmonisedContext, LayerData } from '../../../scripts/pipeline/model.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { deriveLayers } from '../../../scripts/pipeline/stages/derive.ts';
import { harmoniseSources } from '../../../scripts/pipeline/stages/harmonise.ts';
import { findInputFiles, readGeography, readSources } from '../../../scripts/pipeline/stages/sources.ts';
import type { ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';
import { GRID, LAD_A, LAD_B, LSOAS, tempDir, WARDS, writeFixture, type Fixture } from '../fixtures.ts';

const EXPECTED = { lsoas: 12, lads: 2, lsoa11s: 12 };
const quiet = () => {};

function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/** The middle of each fixture LSOA's square, standing in for its population-weighted centroid. */
const CENTROIDS = LSOAS.flatMap((_, i) => [GRID.west + ((i % GRID.columns) + 0.5) * GRID.step, GRID.north - (Math.floor(i / GRID.columns) + 0.5) * GRID.step]);
const centroid = (i: number) => [CENTROIDS[2 * i], CENTROIDS[2 * i + 1]] as const;
const [L1, L4] = [0, 3];

const service = (type: ServiceTypeId, id: string, name: string, lng: number, lat: number): ServiceRecord => ({ type, id, name, lng, lat, located: 'postcode', source: `test_${type}` });

// L1: library 0.012° north (1,334 m, far), GP practice 0.008° north (890 m, near).
// L4: a library 0.005° north (556 m, near); the GP practice near L1 is about 2 km west (far).
// The one food bank is far from both. Schools and warm spaces are only in the LSOA files.
const SERVICES: ServiceRecord[] = [
  service('library', 'LIB-N', 'North Library', centroid(L1)[0], centroid(L1)[1] + 0.012),
  service('library', 'LIB-S', 'South Library, Alphaton', centroid(L4)[0], centroid(L4)[1] + 0.005),
  service('gp_practice', 'M85001', 'Alphaton Surgery', centroid(L1)[0], centroid(L1)[1] + 0.008),
  service('foodbank', 'betaford', 'Betaford Foodbank', -1.6, 52.3),
  service('school', '100001', 'Alphaton Primary', -1.93, 52.48),
  service('school', '100002', 'Betaford Academy', -1.91, 52.47),
  service('warm_space', 'w1', 'Warm Welcome at St Anne’s', -1.92, 52.49),
];

interface Built {
  ctx: HarmonisedContext;
  layer: LayerData;
  harmonised: AccessHarmonised;
  layers: LayerData[];
  warnings: string[];
  notes: string[];
}

async function build(fixture: Fixture, extra: Partial<BuildContext>): Promise<Built> {
  const warnings: string[] = [];
  const notes: string[] = [];
  const note = (message: string) => notes.push(message);
  const inputs = findInputFiles(fixture.dir, {}, quiet);
  const base = await readGeography(inputs, EXPECTED, (message) => warnings.push(message), quiet);
  Object.assign(base, extra);
  const sources = await readSources(base, note);
  const { ctx, harmonised } = harmoniseSources(sources, base, note);
  const { layers } = deriveLayers(harmonised, ctx, note);
  return { ctx, layers, layer: layers.find((l) => l.entry.id === 'access')!, harmonised: harmonised.get('access') as AccessHarmonised, warnings, notes };
}

describe('the access layer on the fixture', () => {
  let fixture: Fixture;
  let built: Built;
  beforeAll(async () => {
    fixture = writeFixture();
    built = await build(fixture, { lsoaPoints: CENTROIDS, services: SERVICES });
  });
  afterAll(() => fixture.cleanup());

  it('gives every LSOA the distance to the nearest service of each type, in whole metres', () => {
    const lsoa = built.layer.levels.lsoa!;
    expect(lsoa.releases).toEqual(['2025']);
    LSOAS.forEach((_, i) => {
      for (const type of ['library', 'gp_practice', 'foodbank', 'school', 'warm_space'] as const) {
        const nearest = Math.min(...SERVICES.filter((s) => s.type === type).map((s) => haversineMetres(...centroid(i), s.lng, s.lat)));
        expect(lsoa.measures[`${type}_nearest_m`].value[0][i], `${LSOAS[i].code} ${type}`).toBe(Math.round(nearest));
      }
    });
    expect(lsoa.measures.library_nearest_m.value[0][L1]).toBe(Math.round((6_371_008.8 * Math.PI * 0.012) / 180)); // 1,334 m
    // Fixed bands of the distances (up to 500 m, 1 km, 2 km, 5 km, more): L1 at 1,334 m in band 3, L4 at 556 m in band 2.
    const classes = lsoa.measures.library_nearest_m.class![0];
    expect([classes[L1], classes[L4]]).toEqual([3, 2]);
    LSOAS.forEach((_, i) => {
      const metres = lsoa.measures.library_nearest_m.value[0][i];
      expect(classes[i], LSOAS[i].code).toBe(1 + [500, 1000, 2000, 5000].filter((limit) => metres > limit).length);
    });
    expect(lsoa.measures.library_nearest_m.breaks![0]!.slice(1, 5)).toEqual([500, 1000, 2000, 5000]);
    // The shares in quarters: Alphaton North (share 1) in band 5, Alphaton South (0) in band 1, wards without a share in 0.
    expect(Array.from(built.layer.levels.ward!.measures.far_library.class![0])).toEqual([5, 1, 0, 0, 0]);
  });

  it('works out the shares of the most deprived fifth of wards and authorities by hand, ranked', () => {
    const ward = built.layer.levels.ward!.measures;
    const lad = built.layer.levels.lad!.measures;
    // Alphaton North: L1 (600), far from a library and the food bank, near a GP practice.
    // Alphaton South: L4 (1,500), far from the GP practice and the food bank, near a library.
    expect(Array.from(ward.far_library.value[0])).toEqual([1, 0, NaN, NaN, NaN]);
    expect(Array.from(ward.far_gp_practice.value[0])).toEqual([0, 1, NaN, NaN, NaN]);
    expect(Array.from(ward.far_foodbank.value[0])).toEqual([1, 1, NaN, NaN, NaN]);
    expect(Array.from(ward.far_all_three.value[0])).toEqual([0, 0, NaN, NaN, NaN]);
    expect(Array.from(ward.deprived_residents.value[0])).toEqual([600, 1500, 0, 0, 0]);
    expect(Array.from(ward.far_library.rank![0])).toEqual([1, 2, NaN, NaN, NaN]);
    expect(Array.from(ward.far_library.rankWithinLad![0])).toEqual([1, 2, NaN, NaN, NaN]);
    // Alphaton: 600 of 2,100 far from a library (0.2857), 1,500 of 2,100 from a GP practice (0.7143); Betaford has none.
    expect(Array.from(lad.far_library.value[0])).toEqual([0.2857, NaN]);
    expect(Array.from(lad.far_gp_practice.value[0])).toEqual([0.7143, NaN]);
    expect(Array.from(lad.deprived_residents.value[0])).toEqual([2100, 0]);
    expect(Array.from(lad.far_gp_practice.rank![0])).toEqual([1, NaN]);
    expect(built.ctx.geography.lad.codes).toEqual([LAD_A.code, LAD_B.code]);
    // The wards and authority without a deprived LSOA are counted as gaps, with the reason the map shows.
    expect(built.layer.gaps).toEqual([
      { level: 'ward', release: '2025', count: 3, reason: "no LSOA in England's most deprived fifth (IMD 2025 deciles 1 and 2), so no share" },
      { level: 'lad', release: '2025', count: 1, reason: "no LSOA in England's most deprived fifth (IMD 2025 deciles 1 and 2), so no share" },
    ]);
  });

  it('writes lsoa_access.csv: codes, the distance, name and id of the nearest of each type, and what the shares are made of', () => {
    const { files } = accessDownloads(built.layers, built.harmonised, built.ctx);
    expect(files.map((f) => f.path)).toEqual(['downloads/lsoa_access.csv', 'downloads/ward_access.csv', 'downloads/lad_access.csv']);
    const rows = parse(files[0].text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'lsoa_code',
      'lsoa_name',
      'library_nearest_m',
      'gp_practice_nearest_m',
      'school_nearest_m',
      'warm_space_nearest_m',
      'foodbank_nearest_m',
      'library_nearest_name',
      'library_nearest_id',
      'gp_practice_nearest_name',
      'gp_practice_nearest_id',
      'school_nearest_name',
      'school_nearest_id',
      'warm_space_nearest_name',
      'warm_space_nearest_id',
      'foodbank_nearest_name',
      'foodbank_nearest_id',
      'ward_code',
      'lad_code',
      'imd_2025_decile',
      'most_deprived_fifth',
      'population_weight',
    ]);
    expect(rows.map((r) => r.lsoa_code)).toEqual([...LSOAS].map((l) => l.code).sort());
    const l4 = rows.find((r) => r.lsoa_code === 'E01000904')!;
    expect(l4).toMatchObject({
      lsoa_name: 'Alphaton 002A',
      library_nearest_m: String(Math.round((6_371_008.8 * Math.PI * 0.005) / 180)),
      library_nearest_name: 'South Library, Alphaton',
      library_nearest_id: 'LIB-S',
      gp_practice_nearest_m: String(Math.round(haversineMetres(...centroid(L4), SERVICES[2].lng, SERVICES[2].lat))),
      gp_practice_nearest_id: 'M85001',
      ward_code: WARDS[1].code,
      lad_code: LAD_A.code,
      imd_2025_decile: '2',
      most_deprived_fifth: '1',
      population_weight: '1500',
    });
    expect(rows.find((r) => r.lsoa_code === 'E01000907')).toMatchObject({ imd_2025_decile: '3', most_deprived_fifth: '0', population_weight: '1000' });
  });

  it('writes ward_access.csv and lad_access.csv: the most deprived fifth, how many of them live far, the share and its rank', () => {
    const { files } = accessDownloads(built.layers, built.harmonised, built.ctx);
    const wards = parse(files[1].text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(wards[0]).slice(0, 8)).toEqual(['ward_code', 'ward_name', 'lad_code', 'lad_name', 'lsoa_count', 'population_weight', 'deprived_fifth_lsoas', 'deprived_fifth_residents']);
    expect(Object.keys(wards[0]).slice(8, 12)).toEqual([
      'deprived_fifth_over_1km_from_library_residents',
      'deprived_fifth_over_1km_from_library_share',
      'deprived_fifth_over_1km_from_library_share_rank',
      'deprived_fifth_over_1km_from_library_share_rank_within_lad',
    ]);
    expect(wards).toHaveLength(5);
    expect(wards[1]).toMatchObject({
      ward_code: 'E05000902',
      ward_name: 'Alphaton South',
      lsoa_count: '2',
      population_weight: '3500',
      deprived_fifth_lsoas: '1',
      deprived_fifth_residents: '1500',
      deprived_fifth_over_1km_from_library_residents: '0',
      deprived_fifth_over_1km_from_library_share: '0',
      deprived_fifth_over_1km_from_gp_practice_residents: '1500',
      deprived_fifth_over_1km_from_gp_practice_share: '1',
      deprived_fifth_over_1km_from_gp_practice_share_rank: '1',
      deprived_fifth_over_1km_from_all_three_share: '0',
    });
    // The ward "Castle, Vale & Marsh" has no deprived LSOA: 0 residents, blank shares and ranks.
    expect(wards[3]).toMatchObject({ ward_name: 'Castle, Vale & Marsh', deprived_fifth_residents: '0', deprived_fifth_over_1km_from_library_residents: '0', deprived_fifth_over_1km_from_library_share: '', deprived_fifth_over_1km_from_library_share_rank: '' });
    const lads = parse(files[2].text, { columns: true }) as Record<string, string>[];
    expect(lads.map((r) => r.lad_code)).toEqual([LAD_A.code, LAD_B.code]);
    expect(lads[0]).toMatchObject({
      lad_name: 'Alphaton',
      lsoa_count: '6',
      deprived_fifth_lsoas: '2',
      deprived_fifth_residents: '2100',
      deprived_fifth_over_1km_from_library_residents: '600',
      deprived_fifth_over_1km_from_library_share: '0.2857',
      deprived_fifth_over_1km_from_library_share_rank: '1',
      deprived_fifth_over_1km_from_foodbank_share: '1',
    });
    expect(Object.keys(lads[0])).not.toContain('deprived_fifth_over_1km_from_library_share_rank_within_lad');
  });

  it('describes every column of the three files in the dictionary, with the centroid, the services and the weights', () => {
    const { files, readme } = accessDownloads(built.layers, built.harmonised, built.ctx);
    for (const file of files) {
      const header = (parse(file.text, { to_line: 1 }) as string[][])[0];
      const name = file.path.split('/').pop()!;
      for (const column of header) expect(readme, `${name} ${column}`).toContain(`| \`${column}\` | ${name} |`);
    }
    expect(readme).toContain('population-weighted centroid');
    expect(readme).toContain('not\ntravel distances');
    expect(readme).toMatch(/\*\*Food banks\*\* \(1\): .*Records by source: `test_foodbank` 1\./);
    expect(readme).toContain(built.ctx.weights.description);
    expect(readme).toContain('ward: 3 blank');
  });
});

describe('the access layer without its inputs', () => {
  let fixture: Fixture;
  beforeAll(() => {
    fixture = writeFixture();
  });
  afterAll(() => fixture.cleanup());

  it('is not built without services, and the build says so', async () => {
    const built = await build(fixture, { lsoaPoints: CENTROIDS });
    expect(built.layer).toBeUndefined();
    expect(built.notes).toContain('no services were placed (no service lists were found): the access layer is not built');
    expect(accessDownloads(built.layers, undefined, built.ctx)).toEqual({ files: [], readme: '', seconds: 0 });
  });

  it('is not built without the LSOA centroids, and the build says so', async () => {
    const built = await build(fixture, { services: SERVICES });
    expect(built.layer).toBeUndefined();
    expect(built.notes).toContain('no LSOA population-weighted centroids (--lsoa-pwc): the access layer is not built');
  });

  it('has no distance or share for a type the build has no record of, and says which', async () => {
    const built = await build(fixture, { lsoaPoints: CENTROIDS, services: SERVICES.filter((s) => s.type !== 'foodbank') });
    expect(Array.from(built.layer.levels.lsoa!.measures.foodbank_nearest_m.value[0]).every(Number.isNaN)).toBe(true);
    expect(Array.from(built.layer.levels.lad!.measures.far_foodbank.value[0])).toEqual([NaN, NaN]);
    expect(Array.from(built.layer.levels.lad!.measures.far_all_three.value[0])).toEqual([NaN, NaN]);
    expect(Array.from(built.layer.levels.lad!.measures.far_library.value[0])).toEqual([0.2857, NaN]);
    expect(built.warnings).toContain('access: the build has no foodbank records, so the access layer has no distance to one');
    const { files } = accessDownloads(built.layers, built.harmonised, built.ctx);
    expect(files[0].text.split('\n')[0]).not.toContain('foodbank');
  });

  it('is left out of a whole build without them, which says so in its log', async () => {
    const out = tempDir('access-out-');
    const log: string[] = [];
    try {
      const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected: EXPECTED, log: (line) => log.push(line) });
      expect(result.manifest.layers.access).toBeUndefined();
      expect(result.manifest.layers.imd).toBeDefined();
      expect(Object.keys(result.manifest.files).filter((path) => path.includes('_access'))).toEqual([]);
      expect(log.some((line) => line.includes('no LSOA population-weighted centroids (--lsoa-pwc): the access layer is not built'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads nothing when asked directly without centroids', async () => {
    const notes: string[] = [];
    const inputs = findInputFiles(fixture.dir, {}, quiet);
    const base = await readGeography(inputs, EXPECTED, quiet, quiet);
    expect(await accessAdapter.read(base, (message) => notes.push(message))).toBeUndefined();
    expect(notes).toEqual(['no LSOA population-weighted centroids (--lsoa-pwc): the access layer is not built']);
  });
});
