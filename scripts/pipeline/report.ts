/**
 * What the build prints at the end: agreement with File 10 and a summary of
 * the files, weights, skipped rows and warnings.
 */
import type { AgreementRecord, Manifest } from '../../src/data/schema.ts';
import { layerById } from '../../src/config/catalogue/index.ts';
import type { PopulationWeights } from './population.ts';

export function printAgreement(rows: readonly AgreementRecord[], weights: PopulationWeights, log: (line: string) => void): void {
  log('');
  log(`Agreement of the computed authority figures with the official File 10 (weights: ${weights.kind}):`);
  const header = ['layer', 'measure', 'equal as published', 'max |diff|', 'mean |diff|', 'equal ranks', 'max rank diff', 'differing (first 3)'];
  const body = rows.map((r) => [
    r.layer,
    layerById(r.layer)?.levels.lad?.measures.find((m) => m.id === r.measure)?.csv ?? r.measure,
    `${r.equalAtPublishedPrecision}/${r.areas}`,
    r.maxAbsDifference.toPrecision(3),
    r.meanAbsDifference.toPrecision(3),
    `${r.equalRanks}/${r.areas}`,
    String(r.maxRankDifference),
    r.differing.slice(0, 3).join(' '),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  log(line(header));
  for (const row of body) log(line(row));
  if (weights.kind === 'census-2021') {
    log('The weighted measures differ because Census 2021 residents stand in for the mid-2022 population');
    log('of File 7. The proportion in the most deprived 10% is not weighted: where it differs, an LSOA is');
    log('in another authority in the best-fit ward lookup than in MHCLG\'s file (see README, "Known differences").');
  }
}

export function printSummary(manifest: Manifest, seconds: number, warnings: readonly string[], log: (line: string) => void): void {
  log('');
  log(`Built ${Object.keys(manifest.files).length + 1} files in ${seconds.toFixed(1)} s:`);
  const total = (prefix: string) =>
    Object.entries(manifest.files).filter(([path]) => path.startsWith(prefix)).reduce((sum, [, bytes]) => sum + bytes, 0);
  for (const prefix of ['tiles', 'areas', 'classes', 'values', 'profiles', 'downloads']) {
    log(`  ${prefix.padEnd(11)} ${(total(`${prefix}/`) / 1e6).toFixed(1).padStart(6)} MB`);
  }
  log(`  layers      ${Object.keys(manifest.layers).join(', ')}`);
  // Gaps, each once with the layers it applies to (the 14 IoD layers share theirs).
  const gaps = new Map<string, string[]>();
  for (const [id, layer] of Object.entries(manifest.layers)) {
    for (const gap of layer.gaps ?? []) {
      const key = `${gap.release} ${gap.level}: ${gap.count} ${gap.reason}`;
      gaps.set(key, [...(gaps.get(key) ?? []), id]);
    }
  }
  for (const [gap, ids] of gaps) log(`  gap         ${gap} (${ids.length === 1 ? ids[0] : `${ids.length} layers`})`);
  log(`  weights     ${manifest.weights.description}`);
  if (manifest.skipped.length) for (const s of manifest.skipped) log(`  skipped     ${s.count} ${s.what} in ${s.file}${s.examples.length ? ` (${s.examples.join(', ')}…)` : ''}`);
  else log('  skipped     nothing');
  for (const warning of warnings) log(`  warning     ${warning}`);
}
