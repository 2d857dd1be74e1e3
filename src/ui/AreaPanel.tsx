/**
 * The selection's panel. For one area: what it is and where (codes with
 * their vintage, parents), then from its authority's profile the current
 * layer's measure in the current release (value, national rank, class), every
 * measure of the layer at the area's level, how its LSOAs spread over the
 * layer's classes, its class in each release, and its class in every layer
 * of the same theme. For a set of areas, a compact list; for a feature of a
 * point layer, its id.
 *
 * Everything is derived from the catalogue (the layer's levels, measures,
 * releases, class scheme and theme groups), the view spec and the data: no
 * branch here asks which layer or level it has.
 */
import { Fragment, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { layerById, layersOfTheme, measureOf, releaseOf, themeById } from '../config/catalogue/index.ts';
import { officialMeasures, rankedAreas } from '../data/manifest.ts';
import type { LayerEntry, MeasureSpec, Msg, Release } from '../config/catalogue/types.ts';
import { schemeKind } from '../config/classSchemes.ts';
import type { Level } from '../config/geography.ts';
import { describeArea, profileIndex, type AreaInfo } from '../data/areas.ts';
import { LEVEL_NAMES, VINTAGE } from '../config/levelText.ts';
import type { DataClient } from '../data/client.ts';
import type { AreaSlice, Manifest, Profile } from '../data/schema.ts';
import { loadTableData } from '../data/tableRows.ts';
import { useFormats, type Formats } from '../i18n/useText.ts';
import { selectedArea, useAppStore } from '../state/store.ts';
import { useViewSpec } from '../state/useViewSpec.ts';
import type { ViewSpec } from '../state/viewSpec.ts';
import { ClassDistribution, ClassStrips, type StripRow } from './charts.tsx';
import { useAsync } from './useAsync.ts';
import { panelSectionsFor } from './sections.ts';
import { SelectionName } from './selection/SelectionName.tsx';
import { SelectionDownload } from './selection/SelectionDownload.tsx';
import { catalogueText } from '../config/catalogue/texts/index.ts';

interface Props {
  client: DataClient;
  manifest: Manifest;
}

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  close: m('panel.close', 'Close area details'),
  closeMark: m('panel.closeMark', '×'),
  selectedArea: m('panel.selectedArea', 'Selected area'),
  loading: m('panel.loading', 'Loading…'),
  loadError: m('panel.loadError', 'The figures for this area could not be loaded: {error}'),
  notAnArea: m('panel.notAnArea', '{code} is not an area of this map.'),
  codes: m('panel.codes', '{vintage} code {code}'),
  parentLink: m('panel.parentLink', ' ({vintage} {code})'),
  noFigures: m('panel.noFigures', 'The {layer} has no figures for {levels} in this build of the data.'),
  headlineClass: m('panel.headline.class', '{className} {cls}'),
  headlineValueOf: m('panel.headline.valueOf', ' of {count} · {measure}: {value} ({layer}, {release})'),
  headlineValue: m('panel.headline.value', ' · {measure}: {value} ({layer}, {release})'),
  headlineOfNoValue: m('panel.headline.ofNoValue', ' of {count} ({layer}, {release})'),
  headlineRank: m(
    'panel.headline.rank',
    ' · rank {rank} {levels} in England ({polarity, select, higherIsWorse {1 = most deprived} other {1 = highest}})',
  ),
  headlineRankWithinLad: m('panel.headline.rankWithinLad', ' · rank {rank} {levels} in {lad}'),
  headlineEnd: m('panel.headline.end', '.'),
  noValue: m('panel.noValue', 'No figure for this area in this release.'),
  releasesTitle: m('panel.releases.title', 'In each release'),
  releaseClass: m('panel.releases.class', '{release}: {className} {cls}'),
  releaseNotComparable: m('panel.releases.notComparable', '{release}: not comparable'),
  releaseNone: m('panel.releases.none', '{release}: no figure'),
  releaseSeparator: m('panel.releases.separator', ' · '),
  measuresTitle: m('panel.measures.title', 'All measures ({layer}, {release})'),
  measuresCaption: m('panel.measures.caption', 'Every measure of the {layer} for this {level}'),
  measure: m('panel.measures.measure', 'Measure'),
  value: m('panel.measures.value', 'Value'),
  rankEngland: m('panel.measures.rankEngland', 'Rank in England'),
  rankAuthority: m('panel.measures.rankAuthority', 'Rank in authority'),
  official: m('panel.measures.official', 'official'),
  computed: m('panel.measures.computed', 'computed'),
  officialNote: m(
    'panel.measures.officialNote',
    '“Official” figures are the published ones. “Computed” ones are worked out from the LSOAs with the publisher’s method, weighted by {weights}.',
  ),
  none: m('format.none', '–'),
  distributionCaption: m(
    'panel.distribution.caption',
    '{count, plural, one {Its # LSOA} other {Its # LSOAs}} by {className} of the {layer} among England’s LSOAs ({release})',
  ),
  stripsLayersTitle: m('panel.strips.layers', '{theme}: {measure}'),
  stripsLayersCaption: m('panel.strips.layersCaption', 'Class and rank of this area in each layer of {theme}'),
  stripsMeasuresTitle: m('panel.strips.measures', 'Every measure of the {layer}'),
  stripsMeasuresCaption: m('panel.strips.measuresCaption', 'Class of this area in each measure of the {layer}'),
  stripDetail: m('panel.strips.detail', '{value} · rank {rank}'),
  stripDetailNoRank: m('panel.strips.detailNoRank', '{value}'),
  stripDetailRankOnly: m('panel.strips.detailRankOnly', 'rank {rank}'),
  setKicker: m('panel.set.kicker', 'Selected areas'),
  setKickerCount: m('panel.set.kickerCount', 'Selected areas · {count, plural, one {# area} other {# areas}}'),
  setTitle: m('panel.set.title', '{count, plural, one {# area} other {# areas}}'),
  setCaption: m('panel.set.caption', 'The selected areas: {measure} of the {layer} ({release})'),
  setName: m('panel.set.name', 'Area'),
  setCode: m('panel.set.code', 'Code'),
  setClear: m('panel.set.clear', 'Clear the selection'),
  setNotAtLevel: m('panel.set.notAtLevel', 'not shown at this level'),
  featureBody: m('panel.feature.body', 'There are no details for this feature yet.'),
} satisfies Record<string, Msg>;

/** Most rows of strips shown open; further theme groups fold away in <details>. */
const OPEN_STRIP_ROWS = 8;

/** The releases of a layer at a level that the profile slice holds, oldest first (the catalogue's order). */
function sliceReleases(layer: LayerEntry, level: Level, slice: AreaSlice): Release[] {
  return (layer.levels[level]?.releases ?? []).filter((id) => slice.releases.includes(id)).map((id) => releaseOf(layer, id)!);
}

/** The release to show: the view's if the slice has it, else the newest it has. */
function chooseRelease(layer: LayerEntry, level: Level, slice: AreaSlice, wanted: string): Release | undefined {
  const releases = sliceReleases(layer, level, slice);
  return releases.find((r) => r.id === wanted) ?? releases[releases.length - 1];
}

interface Figure {
  value: number | null;
  rank: number | null;
  rankWithinLad: number | null;
  /** How many areas the within-authority rank is among. */
  withinLadOf: number;
  cls: number;
}

function figureOf(slice: AreaSlice, measure: string, release: string, position: number): Figure {
  const values = slice.measures[measure];
  const r = slice.releases.indexOf(release);
  if (!values || r < 0) return { value: null, rank: null, rankWithinLad: null, withinLadOf: 0, cls: 0 };
  return {
    value: values.value[r]?.[position] ?? null,
    rank: values.rank?.[r]?.[position] ?? null,
    rankWithinLad: values.rankWithinLad?.[r]?.[position] ?? null,
    withinLadOf: values.value[r]?.length ?? 0,
    cls: values.class[r]?.[position] ?? 0,
  };
}

const coloursOf = (layer: LayerEntry) => schemeKind(layer.classes).colours(layer.classes, layer.palette);

function stripDetail(f: Formats, measure: MeasureSpec, figure: Figure, total: number): string {
  const value = f.measure(measure, figure.value);
  if (figure.rank === null) return f.t(MESSAGES.stripDetailNoRank, { value });
  // A release with ranks but no values (the IoD 2019 file has no scores) shows the rank alone.
  if (figure.value === null) return f.t(MESSAGES.stripDetailRankOnly, { rank: f.rankOf(figure.rank, total) });
  return f.t(MESSAGES.stripDetail, { value, rank: f.rankOf(figure.rank, total) });
}

function vintageOf(f: Formats, manifest: Manifest, level: Level): string {
  return f.t(VINTAGE, { level: f.t(LEVEL_NAMES[level].short), year: String(manifest.vintages[level]) });
}

function AreaLink({ code, name, level, manifest }: { code: string; name: string; level: Level; manifest: Manifest }) {
  const f = useFormats();
  const select = useAppStore((s) => s.select);
  return (
    <button type="button" className="link-button" onClick={() => select(code, { fly: true })}>
      {name}
      <span className="muted">{f.t(MESSAGES.parentLink, { vintage: vintageOf(f, manifest, level), code })}</span>
    </button>
  );
}

/** The strips of every layer of the theme (or, for a theme of one layer, of its measures). */
function ThemeStrips({ profile, info, spec, measure, release, manifest }: { profile: Profile; info: AreaInfo; spec: ViewSpec; measure: MeasureSpec; release: Release; manifest: Manifest }) {
  const f = useFormats();
  const level = info.level;
  const position = profileIndex(profile, level, info.code);
  const theme = themeById(spec.layer.theme);
  const layers = layersOfTheme(theme.id).filter((layer) => layer.levels[level] && profile.layers[layer.id]?.[level]);
  if (position < 0 || layers.length === 0) return null;

  if (layers.length === 1) {
    const layer = layers[0];
    const slice = profile.layers[layer.id][level]!;
    const shown = chooseRelease(layer, level, slice, release.id);
    if (!shown) return null;
    const colours = coloursOf(layer);
    const rows: StripRow[] = layer.levels[level]!.measures.map((each) => ({
      key: each.id,
      label: f.t(each.short),
      cls: figureOf(slice, each.id, shown.id, position).cls,
      colours,
      detail: stripDetail(f, each, figureOf(slice, each.id, shown.id, position), rankedAreas(manifest, layer, level, shown)),
      emphasis: each.id === measure.id,
    }));
    return (
      <>
        <h3>{f.t(MESSAGES.stripsMeasuresTitle, { layer: f.t(layer.short) })}</h3>
        <ClassStrips rows={rows} caption={f.t(MESSAGES.stripsMeasuresCaption, { layer: f.t(layer.label) })} />
      </>
    );
  }

  const rowOf = (layer: LayerEntry): StripRow | undefined => {
    const slice = profile.layers[layer.id][level]!;
    const each = measureOf(layer, level, measure.id) ?? layer.levels[level]!.measures[0];
    const shown = chooseRelease(layer, level, slice, release.id);
    if (!shown) return undefined;
    const figure = figureOf(slice, each.id, shown.id, position);
    return { key: layer.id, label: f.t(layer.short), cls: figure.cls, colours: coloursOf(layer), detail: stripDetail(f, each, figure, rankedAreas(manifest, layer, level, shown)), emphasis: layer.id === spec.layer.id };
  };
  const groups = theme.groups
    .map((group) => ({ group, rows: layers.filter((layer) => layer.group === group.id).map(rowOf).filter((row): row is StripRow => !!row) }))
    .filter((g) => g.rows.length > 0);
  // Groups open while they fit OPEN_STRIP_ROWS rows together (the first always), the rest folded.
  let open = 0;
  let rowsOpen = 0;
  while (open < groups.length && (open === 0 || rowsOpen + groups[open].rows.length <= OPEN_STRIP_ROWS)) rowsOpen += groups[open++].rows.length;
  const caption = f.t(MESSAGES.stripsLayersCaption, { theme: f.t(theme.label) });
  return (
    <>
      <h3>{f.t(MESSAGES.stripsLayersTitle, { theme: f.t(theme.label), measure: f.t(measure.label) })}</h3>
      <ClassStrips rows={groups.slice(0, open).flatMap((g) => g.rows)} caption={caption} />
      {groups.slice(open).map(({ group, rows }) => (
        <details key={group.id}>
          <summary>{f.t(group.label)}</summary>
          <ClassStrips rows={rows} caption={`${caption}: ${f.t(group.label)}`} />
        </details>
      ))}
    </>
  );
}

/** The figures of one area from its authority's profile (exported for tests: it renders without a store or a client). */
export function AreaFigures({ profile, info, spec, manifest }: { profile: Profile; info: AreaInfo; spec: ViewSpec; manifest: Manifest }) {
  const f = useFormats();
  const layer = spec.layer;
  const level = info.level;
  const levelSpec = layer.levels[level];
  const slice = profile.layers[layer.id]?.[level];
  const position = profileIndex(profile, level, info.code);
  const release = slice && chooseRelease(layer, level, slice, spec.release.id);
  if (!levelSpec || !slice || !release || position < 0) {
    return (
      <>
        <p>{f.t(MESSAGES.noFigures, { layer: f.t(layer.label), levels: f.t(LEVEL_NAMES[level].plural) })}</p>
        {release && <ThemeStrips profile={profile} info={info} spec={spec} measure={spec.measure} release={release} manifest={manifest} />}
      </>
    );
  }
  const measure = measureOf(layer, level, spec.measure.id) ?? levelSpec.measures[0];
  const total = rankedAreas(manifest, layer, level, release);
  const figure = figureOf(slice, measure.id, release.id, position);
  const scheme = schemeKind(layer.classes);
  const classCount = scheme.classCount(layer.classes);
  const className = f.t(spec.className);
  const releases = sliceReleases(layer, level, slice);
  // Tags only where the build records which figures are the publisher's (authorities, with File 10).
  const official = officialMeasures(manifest, layer, level, release.id);
  const tagged = official.length > 0;
  const figures = levelSpec.measures.map((each) => ({ measure: each, figure: figureOf(slice, each.id, release.id, position) }));
  const anyRank = levelSpec.measures.some((each) => each.ranked);
  const anyWithinLad = levelSpec.measures.some((each) => slice.measures[each.id]?.rankWithinLad);

  const counts = slice.lsoaClassCounts?.slice(position * classCount, position * classCount + classCount);
  const legend = scheme.legend(layer.classes, layer.palette, { format: (value) => f.decimal(value, measure.format.decimals) });
  const lsoaReleases = layer.levels.lsoa?.releases;
  const lsoaRelease = lsoaReleases && releaseOf(layer, lsoaReleases[lsoaReleases.length - 1]);

  return (
    <>
      <p className="headline">
        <span className="headline__value">
          {figure.cls > 0 ? f.t(MESSAGES.headlineClass, { className, cls: f.integer(figure.cls) }) : (release.missing ? catalogueText(release.missing) : f.t(MESSAGES.noValue))}
        </span>
        {f.t(figure.cls > 0 ? (figure.value === null ? MESSAGES.headlineOfNoValue : MESSAGES.headlineValueOf) : MESSAGES.headlineValue, {
          count: f.integer(classCount),
          measure: f.t(measure.label),
          value: f.measure(measure, figure.value),
          layer: f.t(layer.short),
          release: f.t(release.label),
        })}
        {figure.rank !== null && f.t(MESSAGES.headlineRank, { rank: f.rankOf(figure.rank, total), levels: f.t(LEVEL_NAMES[level].plural), polarity: measure.polarity })}
        {figure.rankWithinLad !== null &&
          f.t(MESSAGES.headlineRankWithinLad, { rank: f.rankOf(figure.rankWithinLad, figure.withinLadOf), levels: f.t(LEVEL_NAMES[level].plural), lad: info.lad?.name ?? profile.lad })}
        {f.t(MESSAGES.headlineEnd)}
      </p>
      {releases.length > 1 && (
        <p className="note">
          <strong>{f.t(MESSAGES.releasesTitle)}</strong>{' '}
          {releases
            .map((each) => {
              const cls = figureOf(slice, measure.id, each.id, position).cls;
              const name = f.t(each.label);
              if (cls > 0) return f.t(MESSAGES.releaseClass, { release: name, className, cls: f.integer(cls) });
              return f.t(each.missing ? MESSAGES.releaseNotComparable : MESSAGES.releaseNone, { release: name });
            })
            .join(f.t(MESSAGES.releaseSeparator))}
        </p>
      )}
      {counts && counts.length === classCount && (
        <ClassDistribution
          counts={counts}
          colours={scheme.colours(layer.classes, layer.palette)}
          descriptions={legend.bins.map((bin) => f.t(bin.description, bin.labelValues))}
          ends={legend.ends ? [f.t(legend.ends[0]), f.t(legend.ends[1])] : ['', '']}
          caption={f.t(MESSAGES.distributionCaption, {
            count: counts.reduce((a, b) => a + b, 0),
            className,
            layer: f.t(layer.short),
            release: lsoaRelease ? f.t(lsoaRelease.label) : '',
          })}
        />
      )}
      <h3>{f.t(MESSAGES.measuresTitle, { layer: f.t(layer.short), release: f.t(release.label) })}</h3>
      <div className="table-scroll">
        <table className="measures">
          <caption className="visually-hidden">{f.t(MESSAGES.measuresCaption, { layer: f.t(layer.label), level: f.t(LEVEL_NAMES[level].singular) })}</caption>
          <thead>
            <tr>
              <th scope="col">{f.t(MESSAGES.measure)}</th>
              <th scope="col">{f.t(MESSAGES.value)}</th>
              {anyRank && <th scope="col">{f.t(MESSAGES.rankEngland)}</th>}
              {anyWithinLad && <th scope="col">{f.t(MESSAGES.rankAuthority)}</th>}
            </tr>
          </thead>
          <tbody>
            {figures.map(({ measure: each, figure: fig }) => (
              <tr key={each.id} className={each.id === measure.id ? 'measures__current' : undefined}>
                <th scope="row">
                  {f.t(each.label)}
                  {tagged && (
                    <span className={official.includes(each.id) ? 'tag tag--official' : 'tag'}>{f.t(official.includes(each.id) ? MESSAGES.official : MESSAGES.computed)}</span>
                  )}
                </th>
                <td>{f.measure(each, fig.value)}</td>
                {anyRank && <td>{fig.rank === null ? f.t(MESSAGES.none) : f.rankOf(fig.rank, total)}</td>}
                {anyWithinLad && <td>{fig.rankWithinLad === null ? f.t(MESSAGES.none) : f.rankOf(fig.rankWithinLad, fig.withinLadOf)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tagged && <p className="note">{f.t(MESSAGES.officialNote, { weights: manifest.weights.description })}</p>}
      <ThemeStrips profile={profile} info={info} spec={spec} measure={measure} release={release} manifest={manifest} />
    </>
  );
}

function PanelFrame({ kicker, title, codes, children, after }: { kicker: string; title: string; codes?: React.ReactNode; children: React.ReactNode; after?: React.ReactNode }) {
  const f = useFormats();
  const selectRef = useAppStore((s) => s.selectRef);
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">{kicker}</p>
          <h2 id="panel-title" className="panel__title">
            {title}
          </h2>
          {codes}
        </div>
        <button type="button" className="icon-button" onClick={() => selectRef(null)} aria-label={f.t(MESSAGES.close)}>
          {f.t(MESSAGES.closeMark)}
        </button>
      </header>
      {after}
      <div className="panel__body">{children}</div>
    </aside>
  );
}

function SingleAreaPanel({ client, manifest, code }: Props & { code: string }) {
  const f = useFormats();
  const spec = useViewSpec(manifest);
  const area = useAsync(() => describeArea(client, code), [client, code]);
  const info = area.value;
  const sections = panelSectionsFor(spec.layer);
  // A layer with its own section computes its figures; the others read the authority's profile.
  const ladCode = info && !sections ? (info.lad?.code ?? info.code) : undefined;
  const profile = useAsync(() => (ladCode ? client.profile(ladCode) : undefined), [client, ladCode]);

  const loading = <p aria-busy="true">{f.t(MESSAGES.loading)}</p>;
  let body: React.ReactNode = loading;
  const error = area.error ?? profile.error;
  if (error) body = <p role="alert">{f.t(MESSAGES.loadError, { error: error.message })}</p>;
  else if (!area.loading && !info) body = <p role="alert">{f.t(MESSAGES.notAnArea, { code })}</p>;
  else if (info && sections) {
    body = (
      <Suspense fallback={loading}>
        <sections.Area client={client} manifest={manifest} spec={spec} info={info} />
      </Suspense>
    );
  } else if (info && profile.value) body = <AreaFigures profile={profile.value} info={info} spec={spec} manifest={manifest} />;

  const parents = info && [info.ward && { level: 'ward' as const, ref: info.ward }, info.lad && { level: 'lad' as const, ref: info.lad }].filter((p) => !!p);
  return (
    <PanelFrame
      kicker={info ? f.t(LEVEL_NAMES[info.level].singular) : f.t(MESSAGES.selectedArea)}
      title={info?.name ?? code}
      codes={
        info && (
          <p className="panel__codes">
            <FormattedMessage {...MESSAGES.codes} values={{ vintage: vintageOf(f, manifest, info.level), code: <code>{info.code}</code> }} />
          </p>
        )
      }
      after={
        parents && parents.length > 0 ? (
          <dl className="panel__parents">
            {parents.map(({ level, ref }) => (
              <Fragment key={level}>
                <dt>{f.t(LEVEL_NAMES[level].short)}</dt>
                <dd>
                  <AreaLink code={ref.code} name={ref.name} level={level} manifest={manifest} />
                </dd>
              </Fragment>
            ))}
          </dl>
        ) : undefined
      }
    >
      {body}
    </PanelFrame>
  );
}

/** A set of areas (shift-click, lasso): each with the current measure and class. */
function AreaSetPanel({ client, manifest, codes }: Props & { codes: string[] }) {
  const f = useFormats();
  const spec = useViewSpec(manifest);
  const select = useAppStore((s) => s.select);
  const selectRef = useAppStore((s) => s.selectRef);
  const data = useAsync(() => loadTableData(client, spec), [client, spec]);
  const byCode = new Map(data.value?.rows.map((row) => [row.code, row]));
  const className = f.t(spec.className);
  let body: React.ReactNode = <p aria-busy="true">{f.t(MESSAGES.loading)}</p>;
  if (data.error) body = <p role="alert">{f.t(MESSAGES.loadError, { error: data.error.message })}</p>;
  else if (data.value) {
    body = (
      <div className="table-scroll">
        <table className="measures">
          <caption className="visually-hidden">
            {f.t(MESSAGES.setCaption, { measure: f.t(spec.measure.label), layer: f.t(spec.layer.label), release: f.t(spec.release.label) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{f.t(MESSAGES.setName)}</th>
              <th scope="col">{f.t(MESSAGES.setCode)}</th>
              <th scope="col">{f.t(spec.measure.short)}</th>
              <th scope="col">{className}</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => {
              const row = byCode.get(code);
              return (
                <tr key={code}>
                  <th scope="row">
                    {row ? (
                      <button type="button" className="link-button" onClick={() => select(code, { fly: true })}>
                        {row.name}
                      </button>
                    ) : (
                      f.t(MESSAGES.setNotAtLevel)
                    )}
                  </th>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{f.measure(spec.measure, row?.value)}</td>
                  <td>{row && row.class > 0 ? f.integer(row.class) : f.t(MESSAGES.none)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  const sections = panelSectionsFor(spec.layer);
  const name = useAppStore((s) => s.selectionName);
  return (
    <PanelFrame kicker={name ? f.t(MESSAGES.setKickerCount, { count: codes.length }) : f.t(MESSAGES.setKicker)} title={name ?? f.t(MESSAGES.setTitle, { count: codes.length })}>
      <p>
        <button type="button" className="button button--quiet" onClick={() => selectRef(null)}>
          {f.t(MESSAGES.setClear)}
        </button>
      </p>
      <SelectionName />
      <SelectionDownload client={client} manifest={manifest} />
      {sections && (
        <Suspense fallback={<p aria-busy="true">{f.t(MESSAGES.loading)}</p>}>
          <sections.Set client={client} manifest={manifest} spec={spec} codes={codes} />
        </Suspense>
      )}
      {body}
    </PanelFrame>
  );
}

export function AreaPanel({ client, manifest }: Props) {
  const f = useFormats();
  const code = useAppStore(selectedArea);
  const selection = useAppStore((s) => s.selection);
  if (code) return <SingleAreaPanel client={client} manifest={manifest} code={code} />;
  if (selection?.kind === 'areas') return <AreaSetPanel client={client} manifest={manifest} codes={selection.codes} />;
  if (selection?.kind === 'feature') {
    const layer = layerById(selection.layer);
    return (
      <PanelFrame kicker={layer ? f.t(layer.label) : selection.layer} title={selection.id}>
        <p>{f.t(MESSAGES.featureBody)}</p>
      </PanelFrame>
    );
  }
  return null;
}
