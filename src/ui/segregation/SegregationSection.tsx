/**
 * The segregation layers' part of the area panel: for a ward or an
 * authority, its indices over each unit scale and census with the value
 * chance alone gives and the bias-corrected value, its ranks, its change
 * since 2011, how far its own mix departs from its authority's, and its
 * group composition; for a set of LSOAs (shift-click, lasso, within N km),
 * the same indices computed live. Every figure comes from the functions the
 * pipeline uses for the downloads (figures.ts). Loaded only with a
 * segregation layer.
 */
import { groupingOf, type Grouping } from '../../config/catalogue/segregation.ts';
import type { ComparisonGroup, Msg } from '../../config/catalogue/types.ts';
import { LEVEL_NAMES } from '../../config/levelText.ts';
import type { AreaInfo } from '../../data/areas.ts';
import type { DataClient } from '../../data/client.ts';
import { ALL_GROUPS, computedPath } from '../../data/computed/paths.ts';
import { releaseUnits } from '../../data/computed/segregation.ts';
import type { Manifest } from '../../data/schema.ts';
import { useFormats, type Formats } from '../../i18n/useText.ts';
import { FEW_UNITS, type Comparison } from '../../stats/segregation/areaFigures.ts';
import { areaUnits, unitVintage } from '../../stats/segregation/areaMeasures.ts';
import { lsoasOfSelection } from '../../data/selectionLsoas.ts';
import type { ViewSpec } from '../../state/viewSpec.ts';
import { useAsync } from '../useAsync.ts';
import { biasCorrected } from './biasCorrection.ts';
import { areaRows, composition, setRows, type ScaleRow } from './figures.ts';
import './segregation.css';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  loading: m('segregation.panel.loading', 'Working out the indices…'),
  error: m('segregation.panel.error', 'The census counts for these indices could not be loaded: {error}'),
  withinTitle: m('segregation.panel.within', 'How unevenly they live within {area}'),
  withinNote: m(
    'segregation.panel.withinNote',
    'D is the share of {a} residents (or of {b}) who would have to move to another unit for both to be spread alike over the units of {area}: 0 = spread alike, 1 = never in the same unit. It depends on the unit, so each row names it; read D against what chance alone gives on the same units.',
  ),
  censusOf: m('segregation.panel.censusOf', 'Census {release}'),
  d: m('segregation.panel.d', 'D'),
  chance: m('segregation.panel.chance', 'By chance alone'),
  corrected: m('segregation.panel.corrected', 'Bias-corrected'),
  isolation: m('segregation.panel.isolation', 'Isolation of {a}'),
  theil: m('segregation.panel.theil', 'Theil’s H, all groups'),
  unitName: m(
    'segregation.panel.unitName',
    '{count, plural, one {# {scale, select, oa {Output Area} lsoa {LSOA} other {ward}}} other {# {scale, select, oa {Output Areas} lsoa {LSOAs} other {wards}}}} ({vintage})',
  ),
  fewUnits: m('segregation.panel.fewUnits', 'Under {min} units: the indices rest on few areas, read them with care'),
  incomplete: m('segregation.panel.incomplete', 'No figure: an LSOA of 2011 here was split between wards or authorities by 2021'),
  noUnits: m('segregation.panel.noUnits', 'Fewer than two units on this scale, so no index: over one unit D is 0 by definition'),
  computing: m('segregation.panel.computing', 'computing…'),
  interval: m('segregation.panel.interval', '{value} (95% interval {low} to {high})'),
  correctedNote: m(
    'segregation.panel.correctedNote',
    'By chance alone: the D the same residents would give if dealt at random to units of the same sizes, worked out exactly. Bias-corrected: Allen, Burgess, Davidson and Windmeijer (2015), 500 seeded replicates; it removes only part of the bias from small units, so read both.',
  ),
  changeTitle: m('segregation.panel.change', 'Since 2011'),
  change: m(
    'segregation.panel.changeText',
    'D over LSOAs was {then} in 2011 and {now} in 2021 ({change}). The units differ a little (LSOAs of 2011 and of 2021), and only the five broad groups are compared.',
  ),
  noChange: m('segregation.panel.noChange', 'No change since 2011 can be shown here: {reason}'),
  noChangeReason: m('segregation.panel.noChangeReason', 'no comparable 2011 figure over LSOAs.'),
  ranksTitle: m('segregation.panel.ranks', 'Ranks over LSOAs ({release}; 1 = most uneven)'),
  byD: m('segregation.panel.byD', 'By D:'),
  byBeyond: m('segregation.panel.byBeyond', 'By D beyond chance:'),
  rankEngland: m('segregation.panel.rankEngland', 'among England’s {levels} {rank}'),
  rankLad: m('segregation.panel.rankLad', '; among the wards of {lad} {rank}'),
  parentTitle: m('segregation.panel.parent', 'How its own mix departs from {parent}’s'),
  parentEngland: m('segregation.panel.parentEngland', 'England'),
  lq: m('segregation.panel.lq', 'Location quotient of {a}: {value} (1 = the same share as {parent})'),
  contribution: m('segregation.panel.contribution', 'Its part of {parent}’s D over wards: {value} of {total}'),
  compositionTitle: m('segregation.panel.composition', 'Who lives here ({release})'),
  compositionCaption: m('segregation.panel.compositionCaption', 'Share of residents of each group in {area} and in {parent}'),
  group: m('segregation.panel.group', 'Group'),
  here: m('segregation.panel.here', 'Here'),
  there: m('segregation.panel.there', '{parent}'),
  share: m('segregation.panel.share', '{share} ({count})'),
  rest: m('segregation.panel.rest', 'everyone else'),
  lsoaNote: m(
    'segregation.panel.lsoaNote',
    'Segregation is measured over the small areas inside a ward or an authority, so an LSOA has none of its own: select its ward, or draw a set of LSOAs with the lasso. Here: how its mix compares with its authority’s.',
  ),
  setTitle: m('segregation.panel.setTitle', 'Live figures for the selection'),
  setArea: m('segregation.panel.setArea', 'the selection'),
  setNote: m(
    'segregation.panel.setNote',
    'Computed in your browser from Census 2021 counts of the {count, plural, one {# LSOA} other {# LSOAs}} selected (wards and authorities stand for their LSOAs), by the same functions as the downloads. Census 2011 is not shown for a selection: its units are LSOAs and Output Areas of 2011.',
  ),
  setSkipped: m('segregation.panel.setSkipped', '{count, plural, one {# selected code is} other {# selected codes are}} not an area of this build and {count, plural, one {was} other {were}} left out.'),
  none: m('format.none', '–'),
};

export interface SectionProps {
  client: DataClient;
  manifest: Manifest;
  spec: ViewSpec;
}

function groupNames(f: Formats, groups: ComparisonGroup[], comparison: Comparison): { a: string; b: string } {
  return { a: f.t(groups[comparison.a].label), b: comparison.b === null ? f.t(MESSAGES.rest) : f.t(groups[comparison.b].label) };
}

/** The units of every release the build made for this layer, on every scale of each. */
function useReleases(client: DataClient, manifest: Manifest, spec: ViewSpec, grouping: Grouping) {
  return useAsync(async () => {
    const built = manifest.layers[spec.layer.id]?.levels.ward?.releases ?? Object.keys(grouping.scales);
    return Promise.all(built.map(async (id) => ({ id, units: await releaseUnits(client, grouping, id, grouping.scales[id] ?? []) })));
  }, [client, manifest, spec.layer.id, grouping]);
}

function vintageOf(row: ScaleRow, manifest: Manifest): string {
  if (row.scale === 'ward') return `${manifest.vintages.ward}`;
  return unitVintage(row.scale, row.release);
}

function CorrectedCell({ row }: { row: ScaleRow }) {
  const f = useFormats();
  const columns = row.columns;
  // By the row's key: a panel drawn again asks the worker nothing new.
  const result = useAsync(() => (columns && row.pair && Number.isFinite(row.pair.d) ? biasCorrected(row.key, columns.a, columns.b) : undefined), [row.key]);
  if (!columns || !row.pair || !Number.isFinite(row.pair.d)) return <>{f.t(MESSAGES.none)}</>;
  if (result.loading) return <span aria-busy="true">{f.t(MESSAGES.computing)}</span>;
  const value = result.value;
  if (!value || !Number.isFinite(value.corrected)) return <>{f.t(MESSAGES.none)}</>;
  return <>{f.t(MESSAGES.interval, { value: f.decimal(value.corrected, 3), low: f.decimal(value.interval[0], 3), high: f.decimal(value.interval[1], 3) })}</>;
}

/** One card per unit scale and census: what the indices are over, then each figure. */
function ScaleCards({ rows, manifest, names }: { rows: ScaleRow[]; manifest: Manifest; names: { a: string; b: string } }) {
  const f = useFormats();
  const index = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? f.decimal(value, 3) : f.t(MESSAGES.none));
  return (
    <>
      <ul className="scale-cards">
        {rows.map((row) => {
          const key = `${row.release}:${row.scale}`;
          const units = row.pair?.units ?? row.units;
          const title = f.t(MESSAGES.unitName, { count: units, scale: row.scale, vintage: vintageOf(row, manifest) });
          return (
            <li key={key} className="scale-card" data-scale={key}>
              <h4 className="scale-card__title">
                {f.t(MESSAGES.censusOf, { release: row.release })} · {title}
              </h4>
              {row.missing ? (
                <p className="muted">{f.t(row.missing === 'incomplete' ? MESSAGES.incomplete : MESSAGES.noUnits)}</p>
              ) : (
                <>
                  {units < FEW_UNITS && <p className="warning-note">{f.t(MESSAGES.fewUnits, { min: FEW_UNITS })}</p>}
                  <dl className="scale-card__figures">
                    <dt>{f.t(MESSAGES.d)}</dt>
                    <dd data-figure="d">{index(row.pair?.d)}</dd>
                    <dt>{f.t(MESSAGES.chance)}</dt>
                    <dd data-figure="expected">{index(row.pair?.expectedD)}</dd>
                    <dt>{f.t(MESSAGES.corrected)}</dt>
                    <dd data-figure="corrected">
                      <CorrectedCell row={row} />
                    </dd>
                    <dt>{f.t(MESSAGES.isolation, { a: names.a })}</dt>
                    <dd data-figure="isolation">{row.pair && Number.isFinite(row.pair.isolation) ? f.percent(row.pair.isolation, 1) : f.t(MESSAGES.none)}</dd>
                    <dt>{f.t(MESSAGES.theil)}</dt>
                    <dd data-figure="theil">{index(row.mix?.theilH)}</dd>
                  </dl>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="note">{f.t(MESSAGES.correctedNote)}</p>
    </>
  );
}

function Composition({ groups, here, there, area, parent, release }: { groups: ComparisonGroup[]; here: ReturnType<typeof composition>; there: ReturnType<typeof composition>; area: string; parent: string; release: string }) {
  const f = useFormats();
  if (!here) return null;
  return (
    <>
      <h3 className="panel__subtitle">{f.t(MESSAGES.compositionTitle, { release })}</h3>
      <table className="measures composition">
        <caption className="visually-hidden">{f.t(MESSAGES.compositionCaption, { area, parent })}</caption>
        <thead>
          <tr>
            <th scope="col">{f.t(MESSAGES.group)}</th>
            <th scope="col">{f.t(MESSAGES.here)}</th>
            {there && <th scope="col">{f.t(MESSAGES.there, { parent })}</th>}
          </tr>
        </thead>
        <tbody>
          {groups.map((group, g) => (
            <tr key={group.id}>
              <th scope="row">{f.t(group.label)}</th>
              <td>
                <span className="bar" aria-hidden="true">
                  <span className="bar__fill" style={{ width: `${(here.shares[g] * 100).toFixed(1)}%` }} />
                </span>
                {f.t(MESSAGES.share, { share: f.percent(here.shares[g], 1), count: f.integer(here.counts[g]) })}
              </td>
              {there && <td>{f.percent(there.shares[g], 1)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Ranks({ client, spec, info, level }: { client: DataClient; spec: ViewSpec; info: AreaInfo; level: 'ward' | 'lad' }) {
  const f = useFormats();
  const comparison = spec.comparison!;
  const newest = spec.releases[spec.releases.length - 1];
  const files = useAsync(
    () => Promise.all(RANKED.map((measure) => client.values(computedPath({ layer: spec.layer.id, level, comparison: comparison.id, measure })))),
    [client, spec.layer.id, level, comparison.id],
  );
  if (!files.value) return null;
  const lines = RANKED.map((id, k) => {
    const file = files.value![k];
    const r = file.releases.indexOf(newest.id);
    const measure = file.measures[id];
    const rank = measure?.rank?.[r]?.[info.index];
    if (rank === null || rank === undefined) return null;
    return { id, rank, of: measure.value[r].filter((v) => v !== null).length, withinLad: measure.rankWithinLad?.[r]?.[info.index], values: measure.value[r] };
  });
  if (lines.every((line) => line === null)) return null;
  return (
    <>
      <h3 className="panel__subtitle">{f.t(MESSAGES.ranksTitle, { release: f.t(newest.label) })}</h3>
      <ul className="plain-list">
        {lines.map(
          (line) =>
            line && (
              <li key={line.id} data-figure={`rank-${line.id}`}>
                <strong>{f.t(line.id === 'd_lsoa' ? MESSAGES.byD : MESSAGES.byBeyond)}</strong>{' '}
                {f.t(MESSAGES.rankEngland, { levels: f.t(LEVEL_NAMES[level].plural), rank: f.rankOf(line.rank, line.of) })}
                {level === 'ward' && line.withinLad != null && info.lad && <WithinLadRank client={client} info={info} rank={line.withinLad} values={line.values} />}
              </li>
            ),
        )}
      </ul>
    </>
  );
}

/** The measures an area is ranked by in the panel: D, and D beyond chance (fairer where a group is small). */
const RANKED = ['d_lsoa', 'd_lsoa_excess'] as const;

function WithinLadRank({ client, info, rank, values }: { client: DataClient; info: AreaInfo; rank: number; values: (number | null)[] }) {
  const f = useFormats();
  const wards = useAsync(() => client.groupAreas('ward'), [client]);
  if (!wards.value || !info.lad) return null;
  const lad = wards.value.lad![info.index];
  let of = 0;
  wards.value.lad!.forEach((l, w) => {
    if (l === lad && values[w] !== null) of += 1;
  });
  return <span data-figure="rank-lad">{f.t(MESSAGES.rankLad, { lad: info.lad.name, rank: f.rankOf(rank, of) })}</span>;
}

/** A ward's, an authority's or an LSOA's segregation figures. */
export function SegregationAreaSection({ client, manifest, spec, info }: SectionProps & { info: AreaInfo }) {
  const f = useFormats();
  const grouping = groupingOf(spec.layer)!;
  const comparison = spec.comparison;
  const groups = grouping.groups;
  const releases = useReleases(client, manifest, spec, grouping);
  if (releases.error) return <p role="alert">{f.t(MESSAGES.error, { error: releases.error.message })}</p>;
  if (!releases.value) return <p aria-busy="true">{f.t(MESSAGES.loading)}</p>;
  const newest = releases.value[releases.value.length - 1];
  const lsoas = newest.units.scales.lsoa!;

  // A layer of the groups' counts that compares none (dot density): who lives in the area.
  if (!comparison) {
    const members = info.level === 'lsoa' ? [info.index] : areaUnits(lsoas, info.level, info.level === 'ward' ? newest.units.wardCount : newest.units.ladCount)[info.index];
    const lad = info.level === 'lad' ? info.index : lsoas.lad[members[0] ?? -1];
    const parent = info.level === 'lad' || lad === undefined || lad < 0 ? Array.from({ length: lsoas.lad.length }, (_, i) => i) : areaUnits(lsoas, 'lad', newest.units.ladCount)[lad];
    const parentName = info.level === 'lad' ? f.t(MESSAGES.parentEngland) : (info.lad?.name ?? '');
    return (
      <section className="segregation">
        <Composition groups={groups} here={composition(lsoas, members)} there={composition(lsoas, parent)} area={info.name} parent={parentName} release={newest.id} />
      </section>
    );
  }
  const names = groupNames(f, groups, comparison);

  if (info.level === 'lsoa') {
    const lad = lsoas.lad[info.index];
    const ladMembers = lad >= 0 ? areaUnits(lsoas, 'lad', newest.units.ladCount)[lad] : [];
    return (
      <section className="segregation">
        <p className="note">{f.t(MESSAGES.lsoaNote)}</p>
        <Composition groups={groups} here={composition(lsoas, [info.index])} there={composition(lsoas, ladMembers)} area={info.name} parent={info.lad?.name ?? ''} release={newest.id} />
      </section>
    );
  }

  const level = info.level;
  const rows = areaRows(releases.value, grouping, level, info.index, comparison);
  const lsoaRow = (release: string) => rows.find((row) => row.release === release && row.scale === 'lsoa');
  const now = lsoaRow(newest.id)?.pair?.d;
  const older = releases.value.length > 1 ? lsoaRow(releases.value[0].id)?.pair?.d : undefined;
  const members = areaUnits(lsoas, level, level === 'ward' ? newest.units.wardCount : newest.units.ladCount)[info.index];
  const parentName = level === 'ward' ? (info.lad?.name ?? '') : f.t(MESSAGES.parentEngland);
  const parentMembers = level === 'ward' ? areaUnits(lsoas, 'lad', newest.units.ladCount)[lsoas.lad[members[0]]] ?? [] : Array.from({ length: lsoas.lad.length }, (_, i) => i);

  return (
    <section className="segregation" data-comparison={comparison.id}>
      <h3 className="panel__subtitle">{f.t(MESSAGES.withinTitle, { area: info.name })}</h3>
      <p className="note">{f.t(MESSAGES.withinNote, { ...names, area: info.name })}</p>
      <ScaleCards rows={rows} manifest={manifest} names={names} />
      {releases.value.length > 1 && (
        <>
          <h3 className="panel__subtitle">{f.t(MESSAGES.changeTitle)}</h3>
          <p data-figure="change">
            {now !== undefined && older !== undefined && Number.isFinite(now) && Number.isFinite(older)
              ? f.t(MESSAGES.change, { then: f.decimal(older, 3), now: f.decimal(now, 3), change: signed(f, now - older) })
              : f.t(MESSAGES.noChange, { reason: MESSAGES.noChangeReason })}
          </p>
        </>
      )}
      <Ranks client={client} spec={spec} info={info} level={level} />
      <ParentDeparture client={client} spec={spec} info={info} level={level} names={names} parent={parentName} />
      <Composition groups={groups} here={composition(lsoas, members ?? [])} there={composition(lsoas, parentMembers)} area={info.name} parent={parentName} release={newest.id} />
    </section>
  );
}

function signed(f: Formats, value: number): string {
  const text = f.decimal(Math.abs(value), 3);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Location quotient and part of the authority's D, read from the same computed files as the map. */
function ParentDeparture({ client, spec, info, level, names, parent }: { client: DataClient; spec: ViewSpec; info: AreaInfo; level: 'ward' | 'lad'; names: { a: string; b: string }; parent: string }) {
  const f = useFormats();
  const comparison = spec.comparison!;
  const measures = level === 'ward' ? ['lq', 'contribution'] : ['lq'];
  const files = useAsync(
    () => Promise.all(measures.map((measure) => client.values(computedPath({ layer: spec.layer.id, level, comparison: comparison.id, measure })))),
    [client, spec.layer.id, level, comparison.id],
  );
  const ladD = useAsync(
    () => (level === 'ward' ? client.values(computedPath({ layer: spec.layer.id, level: 'lad', comparison: comparison.id, measure: 'd_ward' })) : undefined),
    [client, spec.layer.id, level, comparison.id],
  );
  const ladIndex = useLadIndex(client, info);
  if (!files.value) return null;
  const newest = spec.releases[spec.releases.length - 1].id;
  const at = (file: (typeof files.value)[number], measure: string, index: number) => {
    const r = file.releases.indexOf(newest);
    return file.measures[measure]?.value[r]?.[index] ?? null;
  };
  const lq = at(files.value[0], 'lq', info.index);
  const contribution = level === 'ward' ? at(files.value[1], 'contribution', info.index) : null;
  const total = ladD.value && ladIndex !== undefined ? at(ladD.value, 'd_ward', ladIndex) : null;
  return (
    <>
      <h3 className="panel__subtitle">{f.t(MESSAGES.parentTitle, { parent })}</h3>
      <ul className="plain-list">
        <li data-figure="lq">{f.t(MESSAGES.lq, { a: names.a, value: lq === null ? f.t(MESSAGES.none) : f.decimal(lq, 2), parent })}</li>
        {level === 'ward' && (
          <li data-figure="contribution">
            {f.t(MESSAGES.contribution, { parent, value: contribution === null ? f.t(MESSAGES.none) : f.decimal(contribution, 3), total: total === null ? f.t(MESSAGES.none) : f.decimal(total, 3) })}
          </li>
        )}
      </ul>
    </>
  );
}

function useLadIndex(client: DataClient, info: AreaInfo): number | undefined {
  const lads = useAsync(() => client.groupAreas('lad'), [client]);
  return info.lad ? lads.value?.indexOf.get(info.lad.code) : undefined;
}

/** Live figures for a set of areas: the LSOAs they are or contain. */
export function SegregationSetSection({ client, manifest, spec, codes }: SectionProps & { codes: string[] }) {
  const f = useFormats();
  const grouping = groupingOf(spec.layer)!;
  const comparison = spec.comparison ?? { id: ALL_GROUPS, a: 0, b: null };
  const groups = grouping.groups;
  const data = useAsync(async () => {
    const newest = spec.releases[spec.releases.length - 1].id;
    const [units, lsoas, details, wards, lads] = await Promise.all([
      releaseUnits(client, grouping, newest, ['lsoa']),
      client.areas('lsoa'),
      client.lsoaDetails(),
      client.groupAreas('ward'),
      client.groupAreas('lad'),
    ]);
    const selected = lsoasOfSelection(codes, { lsoaCodes: lsoas.codes, wardCodes: wards.codes, ladCodes: lads.codes, wardOfLsoa: details.ward, ladOfWard: wards.lad! });
    return { release: { id: newest, units }, ...selected };
  }, [client, spec.layer.id, codes.join(',')]);
  if (data.error) return <p role="alert">{f.t(MESSAGES.error, { error: data.error.message })}</p>;
  if (!data.value) return <p aria-busy="true">{f.t(MESSAGES.loading)}</p>;
  const { release, members, skipped } = data.value;
  const names = groupNames(f, groups, comparison);
  const area = f.t(MESSAGES.setArea);
  // Without groups compared (dot density) the selection's composition alone.
  const rows = spec.comparison ? setRows(release, members, comparison) : [];
  const lsoas = release.units.scales.lsoa!;
  return (
    <section className="segregation" data-comparison={comparison.id}>
      {rows.length > 0 && (
        <>
          <h3 className="panel__subtitle">{f.t(MESSAGES.setTitle)}</h3>
          <p className="note">{f.t(MESSAGES.setNote, { count: members.length })}</p>
          <ScaleCards rows={rows} manifest={manifest} names={names} />
        </>
      )}
      {skipped > 0 && <p className="note">{f.t(MESSAGES.setSkipped, { count: skipped })}</p>}
      <Composition
        groups={groups}
        here={composition(lsoas, members)}
        there={composition(lsoas, Array.from({ length: lsoas.lad.length }, (_, i) => i))}
        area={area}
        parent={f.t(MESSAGES.parentEngland)}
        release={release.id}
      />
    </section>
  );
}
