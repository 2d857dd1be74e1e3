/**
 * "About the data", generated from the catalogue: a section per theme and per
 * layer (what it is, its releases, levels and measures, gaps and sources),
 * then what holds for the whole build: population weights, how closely the
 * computed authority figures match the published ones, downloads, sources,
 * what was left out.
 */
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { layerById, layersOfTheme, levelsOf, THEMES } from '../config/catalogue/index.ts';
import { useAllLayers } from './useAllLayers.ts';
import type { LayerEntry, MeasureSpec, Msg, ThemeId } from '../config/catalogue/types.ts';
import { LEVELS, type Level } from '../config/geography.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import { PlaceNamesAbout } from './PlaceNamesAbout.tsx';
import type { DataClient } from '../data/client.ts';
import { dataPaths, type Manifest } from '../data/schema.ts';
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';
import { catalogueText } from '../config/catalogue/texts/index.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  back: m('about.back', '← Back to the map'),
  title: m('about.title', 'About the data'),
  intro: m(
    'about.intro',
    'Every layer of the map, grouped by theme: what it measures, where it comes from, which releases and geographies it has, and its limits. The {lsoas} neighbourhoods are the Lower layer Super Output Areas (LSOAs) of 2021, each home to about 1,500 people; wards ({wardYear} codes, {wards}) and authorities ({ladYear} codes, {lads}) are unions of their LSOAs.',
  ),
  notBuilt: m('about.notBuilt', 'Not in this build of the data: its source file was not given to the pipeline.'),
  releases: m('about.releases', 'Releases'),
  release: m('about.release', '{release} (codes as published: {vintage})'),
  levelsAndMeasures: m('about.levelsAndMeasures', 'Geographies and measures'),
  levelMeasures: m('about.levelMeasures', '{levels}: {count, plural, one {# measure} other {# measures}}'),
  gaps: m('about.gaps', 'Gaps'),
  gap: m('about.gap', '{count, plural, one {# {level}} other {# {levels}}} with no {release} figure: {reason}'),
  layerSources: m('about.layerSources', 'Sources'),
  layersCaption: m('about.layersCaption', 'The {count} layers below share their method, releases, gaps and sources'),
  layerColumn: m('about.layerColumn', 'Layer'),
  measuresColumn: m('about.measuresColumn', 'What it measures'),
  sharedNote: m('about.sharedNote', 'What follows holds for each of these {count} layers.'),
  listSeparator: m('about.listSeparator', '; '),
  weightsTitle: m('about.weights.title', 'Population weights'),
  weights: m('about.weights', 'Measures that are averages or shares of people weight each LSOA by <strong>{weights}</strong>.'),
  weightsCensus: m(
    'about.weights.census',
    'MHCLG weights by the mid-2022 population in File 7, which this build did not have; Census 2021 usual residents are the closest official stand-in, so weighted ward figures and the weighted authority measures that File 10 does not publish differ slightly from what MHCLG would compute.',
  ),
  official: m(
    'about.official',
    'For authorities, the map, table and downloads show the published figures wherever the build has them, and computed ones (marked “computed”) elsewhere.',
  ),
  noOfficial: m('about.noOfficial', 'This build has no published authority figures to compare with, so every authority figure is computed (marked “computed”).'),
  agreementSummary: m('about.agreement.summary', 'How closely the computed authority figures match the published ones'),
  agreementCaption: m('about.agreement.caption', 'Computed authority figures against the published ones, {count} authorities'),
  agreementLayer: m('about.agreement.layer', 'Layer'),
  agreementMeasure: m('about.agreement.measure', 'Measure'),
  agreementEqual: m('about.agreement.equal', 'Equal as published'),
  agreementLargest: m('about.agreement.largest', 'Largest difference'),
  agreementRanks: m('about.agreement.ranks', 'Equal ranks'),
  agreementDiffering: m('about.agreement.differing', 'Authorities that differ'),
  ofAreas: m('about.ofAreas', '{count} of {total}'),
  agreementNote: m(
    'about.agreement.note',
    'Where an unweighted figure differs, the best-fit ward lookup puts an LSOA in a different authority from the publisher’s own assignment, so the authority has one LSOA more or fewer here (the README names the LSOA).',
  ),
  none: m('format.none', '–'),
  downloadsTitle: m('about.downloads.title', 'Downloads'),
  download: m('about.download', '{file} — every {level} with its parents and all layers'),
  segregationDownload: m('about.download.segregation', '{file} — the segregation figures of every {name}: all comparisons, unit scales and censuses'),
  accessDownload: m(
    'about.download.access',
    '{file} — {level, select, lsoa {every LSOA’s straight-line distance to the nearest service of each type} other {the share of each {name}’s residents of England’s most deprived fifth who live more than 1 km from a library, a GP practice and a food bank}}',
  ),
  dictionary: m('about.dictionary', 'Column dictionary (README.md): vintages, weights and sources of every column'),
  sourcesTitle: m('about.sources.title', 'Sources and licences'),
  source: m('about.source', '{title}, {publisher}. {licence}.'),
  officialDownload: m('about.source.download', 'Official download'),
  fileUsed: m('about.source.file', '(file used: {file})'),
  skippedTitle: m('about.skipped.title', 'Left out of the build'),
  skipped: m('about.skipped', '{count} {what} in {file}'),
  accessibilityTitle: m('about.accessibility.title', 'Accessibility'),
  accessibility: m(
    'about.accessibility',
    'Everything on the map can be reached without a mouse: search for an area, or use the table view, whose rows select areas. The palettes stay distinct with the common kinds of colour blindness, and every colour also has its class number in the legend, table and charts.',
  ),
  build: m('about.build', 'Data build {id}.'),
} satisfies Record<string, Msg>;

/**
 * General explanations of a theme, before its layers. The catalogue's
 * entries carry each layer's own text (description, about); these hold for
 * all layers of a theme.
 */
const THEME_NOTES: Partial<Record<ThemeId, { title: Msg; body: Msg }[]>> = {
  deprivation: [
    {
      title: m('about.iod.what.title', 'What the Index of Multiple Deprivation measures'),
      body: m(
        'about.iod.what',
        'The English Indices of Deprivation, published by the Ministry of Housing, Communities and Local Government (MHCLG), rank every neighbourhood in England by <em>relative</em> deprivation: a lack of resources and opportunities, not a lack of wealth. The Index of Multiple Deprivation (IMD) combines seven domains: income; employment; education, skills and training; health and disability; crime; barriers to housing and services; and the living environment. Six sub-domains split three of them further. A deprived area is not a place where everyone is deprived, nor is every deprived person in a deprived area.',
      ),
    },
    {
      title: m('about.iod.decile.title', 'What a decile is'),
      body: m(
        'about.iod.decile',
        'All LSOAs are ranked from 1 (most deprived) to {lsoas} (least deprived) and split into ten equal groups: <strong>decile 1 is the most deprived 10%</strong>, decile 10 the least deprived 10%. For wards and authorities the map ranks the areas by a summary measure and splits them into deciles of their own ({wards} wards, {lads} authorities).',
      ),
    },
    {
      title: m('about.iod.compare.title', 'Why 2019 and 2025 ranks are not directly comparable'),
      body: m(
        'about.iod.compare',
        'Ranks are relative: an area can move down the ranking because others got worse, with no change of its own. The IoD 2019 ranked the 32,844 LSOAs of 2011; the IoD 2025 ranks the {lsoas} LSOAs of 2021, so many neighbourhoods were split, merged or redrawn and a code may not mean the same place. Some indicators and data sources changed as well. The map shows 2019 figures only for LSOAs that did not change; compare deciles or broad positions between editions, with care, and never read a change of rank as a measured change in deprivation.',
      ),
    },
    {
      title: m('about.iod.groups.title', 'Wards and local authorities'),
      body: m(
        'about.iod.groups',
        'Wards and authorities are drawn and summarised as unions of their LSOAs, through the ONS best-fit lookup of each LSOA to one ward. Their outlines follow LSOA edges, which are close to but not the official ward boundaries, so outlines and figures always agree. Their summary measures follow MHCLG’s method for local authority summaries (the measures are listed with each layer below).',
      ),
    },
  ],
  segregation: [
    {
      title: m('about.segregation.what.title', 'What the index of dissimilarity measures'),
      body: m(
        'about.segregation.what',
        'The index of dissimilarity <strong>D</strong> compares how two groups are spread over the small units of an area (the Output Areas or LSOAs of a ward, the LSOAs or wards of an authority). It is the share of either group that would have to move home to another unit for both groups to be spread alike: <strong>0</strong> when every unit holds the same share of each group, <strong>1</strong> when no unit holds both. Strategies quote it between two groups or between one group and everyone else, and the map offers both: each broad ethnic group against the rest (White against all other groups is one of these), any two groups, and the answers to the religion question. Theil’s H does the same for all the groups at once; isolation says how far a group lives among itself.',
      ),
    },
    {
      title: m('about.segregation.units.title', 'Why D depends on the unit'),
      body: m(
        'about.segregation.units',
        'The same city gives a larger D over Output Areas (about 300 residents) than over LSOAs (about 1,600), and a smaller one over wards: small units differ from one another by chance alone, and large units average segregation away inside them. A D is only meaningful with its unit, so every figure here names its unit and the number of units, and a D quoted without them (such as a city’s 0.49 “between white and non-white groups”) cannot be compared with one on other units. With fewer than ten units an index rests on little, and the panel says so.',
      ),
    },
    {
      title: m('about.segregation.chance.title', 'Reading an index next to what chance gives'),
      body: m(
        'about.segregation.chance',
        'Beside each D is the D that chance alone gives: the same residents dealt at random to units of the same sizes, worked out exactly (the expected absolute deviation of each unit’s count under the hypergeometric distribution, summed over the units). A D close to its chance value says almost nothing about segregation; the distance above it is what the residents’ pattern adds. The bias-corrected D of Allen, Burgess, Davidson and Windmeijer (2015, The Econometrics Journal 18(1)) is also shown with a 95% interval from 500 seeded bootstrap replicates; it removes only part of the small-unit bias, so read both. All are computed by the same functions in the app and in the downloads.',
      ),
    },
    {
      title: m('about.segregation.kinds.title', 'Within an area, and against its authority'),
      body: m(
        'about.segregation.kinds',
        'Two kinds of figure answer two questions. <em>Within</em> an area: how unevenly groups are spread over its sub-units (D, H, isolation). <em>Against its authority</em>: how far the area’s own mix departs from its authority’s, as a location quotient (its share of a group divided by the authority’s) and as its part of the authority’s D over wards (the parts of all wards add up to that D). A ward can be evenly mixed inside and still very different from the rest of its town.',
      ),
    },
    {
      title: m('about.segregation.census.title', 'Census 2011 and 2021'),
      body: m(
        'about.segregation.census',
        'Census 2021 counts five broad ethnic groups for LSOAs of 2021; Census 2011 counts eighteen groups, grouped here into the same five, for Output Areas and LSOAs of 2011. The 2011 units are carried to the wards and authorities of 2024 through the ONS lookups (Output Area → LSOA 2011 → LSOA 2021 → ward). Where an LSOA of 2011 was split between wards or authorities its residents cannot be placed without guessing, so those wards and authorities have no 2011 figure. Output Area figures exist only for 2011: the 2021 ethnic groups are not in this data for Output Areas. Change since 2011 compares D over LSOAs of each census, whose units differ a little.',
      ),
    },
  ],
};

const rich = {
  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  em: (chunks: ReactNode[]) => <em>{chunks}</em>,
};

/** Levels of a layer that share one list of measures, grouped (IoD wards and authorities have the same five). */
function levelGroups(layer: LayerEntry): { levels: Level[]; measures: MeasureSpec[] }[] {
  const groups: { levels: Level[]; measures: MeasureSpec[] }[] = [];
  for (const level of levelsOf(layer)) {
    const measures = layer.levels[level]!.measures;
    const same = groups.find((g) => g.measures === measures || (g.measures.length === measures.length && g.measures.every((x, i) => x.id === measures[i].id)));
    if (same) same.levels.push(level);
    else groups.push({ levels: [level], measures });
  }
  return groups;
}

/**
 * What a layer's About entry says beyond its name and description: layers
 * with the same (the IMD and its domains) are described once, together.
 */
function sharedKey(layer: LayerEntry, manifest: Manifest): string {
  const built = manifest.layers[layer.id];
  return JSON.stringify([
    catalogueText(layer.about),
    layer.releases.map((release) => release.id),
    Boolean(built),
    (built?.gaps ?? []).map((gap) => [gap.level, gap.release, gap.count, gap.reason]),
    layer.sources,
    levelGroups(layer).map((group) => [group.levels, group.measures.map((measure) => measure.id)]),
  ]);
}

/** The layers of a theme in order, those that share their About entry in one group. */
function groupLayers(layers: LayerEntry[], manifest: Manifest): LayerEntry[][] {
  const groups = new Map<string, LayerEntry[]>();
  for (const layer of layers) {
    const key = sharedKey(layer, manifest);
    groups.set(key, [...(groups.get(key) ?? []), layer]);
  }
  return [...groups.values()];
}

function LayerSection({ layers, manifest }: { layers: LayerEntry[]; manifest: Manifest }) {
  const f = useFormats();
  const layer = layers[0];
  const built = manifest.layers[layer.id];
  const sources = layer.sources.map((id) => manifest.sources.find((s) => s.id === id)?.title).filter((title): title is string => !!title);
  const gaps = built?.gaps ?? [];
  return (
    <section className="about__layer" aria-labelledby={`about-layer-${layer.id}`}>
      {layers.length === 1 ? (
        <>
          <h4 id={`about-layer-${layer.id}`}>{f.t(layer.label)}</h4>
          <p>{catalogueText(layer.description)}</p>
        </>
      ) : (
        <>
          <div className="table-scroll">
            <table className="measures about__layers">
              <caption id={`about-layer-${layer.id}`}>{f.t(MESSAGES.layersCaption, { count: layers.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.t(MESSAGES.layerColumn)}</th>
                  <th scope="col">{f.t(MESSAGES.measuresColumn)}</th>
                </tr>
              </thead>
              <tbody>
                {layers.map((each) => (
                  <tr key={each.id}>
                    <th scope="row">{f.t(each.label)}</th>
                    <td>{catalogueText(each.description)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{f.t(MESSAGES.sharedNote, { count: layers.length })}</p>
        </>
      )}
      <p>{catalogueText(layer.about)}</p>
      {!built && <p className="muted">{f.t(MESSAGES.notBuilt)}</p>}
      <dl className="about__measures">
        <div>
          <dt>{f.t(MESSAGES.releases)}</dt>
          <dd>
            {layer.releases.map((release) => f.t(MESSAGES.release, { release: f.t(release.label), vintage: release.sourceVintage })).join(f.t(MESSAGES.listSeparator))}
          </dd>
        </div>
        {gaps.length > 0 && (
          <div>
            <dt>{f.t(MESSAGES.gaps)}</dt>
            <dd>
              <ul>
                {gaps.map((gap) => {
                  const release = layer.releases.find((r) => r.id === gap.release);
                  return (
                    <li key={`${gap.level}-${gap.release}`}>
                      {f.t(MESSAGES.gap, {
                        count: gap.count,
                        level: f.t(LEVEL_NAMES[gap.level].singular),
                        levels: f.t(LEVEL_NAMES[gap.level].plural),
                        release: release ? f.t(release.label) : gap.release,
                        reason: gap.reason,
                      })}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
        )}
        {sources.length > 0 && (
          <div>
            <dt>{f.t(MESSAGES.layerSources)}</dt>
            <dd>{sources.join(f.t(MESSAGES.listSeparator))}</dd>
          </div>
        )}
      </dl>
      <details>
        <summary>{f.t(MESSAGES.levelsAndMeasures)}</summary>
        {levelGroups(layer).map((group) => (
          <Fragment key={group.levels.join('-')}>
            <p>
              <strong>
                {f.t(MESSAGES.levelMeasures, {
                  levels: group.levels.map((level) => f.t(LEVEL_NAMES[level].plural)).join(f.t(MESSAGES.listSeparator)),
                  count: group.measures.length,
                })}
              </strong>
            </p>
            <dl className="about__measures">
              {group.measures.map((measure) => (
                <div key={measure.id}>
                  <dt>{f.t(measure.label)}</dt>
                  <dd>{catalogueText(measure.description)}</dd>
                </div>
              ))}
            </dl>
          </Fragment>
        ))}
      </details>
    </section>
  );
}

export function AboutPage({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const setView = useAppStore((s) => s.setView);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Every layer is described here, the later themes' too.
  useAllLayers();
  const census = manifest.weights.kind === 'census-2021';
  const hasOfficial = manifest.agreement.length > 0;
  const counts = {
    lsoas: f.integer(manifest.counts.lsoa),
    wards: f.integer(manifest.counts.ward),
    lads: f.integer(manifest.counts.lad),
    wardYear: String(manifest.vintages.ward),
    ladYear: String(manifest.vintages.lad),
  };

  return (
    <article className="about" aria-labelledby="about-title">
      <div className="about__inner">
        <button type="button" className="button button--quiet" onClick={() => setView('map')}>
          {f.t(MESSAGES.back)}
        </button>
        <h2 id="about-title" tabIndex={-1} ref={heading}>
          {f.t(MESSAGES.title)}
        </h2>
        <p>{f.t(MESSAGES.intro, counts)}</p>

        {THEMES.map((theme) => (
          <section key={theme.id} className="about__theme" aria-labelledby={`about-theme-${theme.id}`}>
            <h3 id={`about-theme-${theme.id}`}>{f.t(theme.label)}</h3>
            {(THEME_NOTES[theme.id] ?? []).map((note) => (
              <Fragment key={note.title.id}>
                <h4>{f.t(note.title)}</h4>
                <p>
                  <FormattedMessage {...note.body} values={{ ...counts, ...rich }} />
                </p>
              </Fragment>
            ))}
            {groupLayers(layersOfTheme(theme.id), manifest).map((layers) => (
              <LayerSection key={layers[0].id} layers={layers} manifest={manifest} />
            ))}
          </section>
        ))}

        <h3>{f.t(MESSAGES.weightsTitle)}</h3>
        <p>
          <FormattedMessage {...MESSAGES.weights} values={{ weights: manifest.weights.description, ...rich }} /> {census && f.t(MESSAGES.weightsCensus)}{' '}
          {f.t(hasOfficial ? MESSAGES.official : MESSAGES.noOfficial)}
        </p>
        {hasOfficial && (
          <details>
            <summary>{f.t(MESSAGES.agreementSummary)}</summary>
            <div className="table-scroll">
              <table className="measures">
                <caption>{f.t(MESSAGES.agreementCaption, { count: f.integer(manifest.counts.lad) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{f.t(MESSAGES.agreementLayer)}</th>
                    <th scope="col">{f.t(MESSAGES.agreementMeasure)}</th>
                    <th scope="col">{f.t(MESSAGES.agreementEqual)}</th>
                    <th scope="col">{f.t(MESSAGES.agreementLargest)}</th>
                    <th scope="col">{f.t(MESSAGES.agreementRanks)}</th>
                    <th scope="col">{f.t(MESSAGES.agreementDiffering)}</th>
                  </tr>
                </thead>
                <tbody>
                  {manifest.agreement.map((row) => {
                    const layer = layerById(row.layer);
                    const measure = layer && LEVELS.map((level) => layer.levels[level]?.measures.find((x) => x.id === row.measure)).find(Boolean);
                    return (
                      <tr key={`${row.layer}-${row.measure}`}>
                        <th scope="row">{layer ? f.t(layer.short) : row.layer}</th>
                        <td>{measure ? f.t(measure.label) : row.measure}</td>
                        <td>{f.t(MESSAGES.ofAreas, { count: f.integer(row.equalAtPublishedPrecision), total: f.integer(row.areas) })}</td>
                        <td>{f.decimal(row.maxAbsDifference, row.maxAbsDifference === 0 ? 0 : 4)}</td>
                        <td>{f.t(MESSAGES.ofAreas, { count: f.integer(row.equalRanks), total: f.integer(row.areas) })}</td>
                        <td>{row.differing.length ? row.differing.join(f.t(MESSAGES.listSeparator)) : f.t(MESSAGES.none)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {manifest.agreement.some((row) => row.differing.length > 0) && <p>{f.t(MESSAGES.agreementNote)}</p>}
          </details>
        )}

        <h3>{f.t(MESSAGES.downloadsTitle)}</h3>
        <ul>
          {LEVELS.map((level) => (
            <li key={level}>
              <FormattedMessage
                {...MESSAGES.download}
                values={{
                  file: (
                    <a href={client.url(dataPaths.download(level))} download>
                      {dataPaths.download(level).split('/').pop()}
                    </a>
                  ),
                  level: f.t(LEVEL_NAMES[level].singular),
                }}
              />
            </li>
          ))}
          {/* The themes' own downloads, where the build has them. */}
          {[
            ...(['ward', 'lad'] as const).map((level) => ({ level, path: dataPaths.segregationDownload(level), msg: MESSAGES.segregationDownload })),
            ...LEVELS.map((level) => ({ level, path: dataPaths.accessDownload(level), msg: MESSAGES.accessDownload })),
          ]
            .filter(({ path }) => manifest.files?.[path] !== undefined)
            .map(({ level, path, msg }) => (
              <li key={path}>
                <FormattedMessage
                  {...msg}
                  values={{
                    file: (
                      <a href={client.url(path)} download>
                        {path.split('/').pop()}
                      </a>
                    ),
                    level,
                    name: f.t(LEVEL_NAMES[level].singular),
                  }}
                />
              </li>
            ))}
          <li>
            <a href={client.url(dataPaths.downloadsReadme)}>{f.t(MESSAGES.dictionary)}</a>
          </li>
        </ul>

        <PlaceNamesAbout manifest={manifest} />

        <h3>{f.t(MESSAGES.sourcesTitle)}</h3>
        <ul className="about__sources">
          {manifest.sources.map((source) => (
            <li key={source.id}>
              <strong>{f.t(MESSAGES.source, { title: source.title, publisher: source.publisher, licence: source.licence })}</strong>{' '}
              {source.url?.startsWith('http') && <a href={source.url}>{f.t(MESSAGES.officialDownload)}</a>}{' '}
              <span className="muted">{f.t(MESSAGES.fileUsed, { file: source.file })}</span>
              <br />
              <span className="muted">{source.attribution}</span>
            </li>
          ))}
        </ul>
        {manifest.skipped.length > 0 && (
          <>
            <h3>{f.t(MESSAGES.skippedTitle)}</h3>
            <ul>
              {manifest.skipped.map((s) => (
                <li key={`${s.file}-${s.what}`}>{f.t(MESSAGES.skipped, { count: f.integer(s.count), what: s.what, file: s.file })}</li>
              ))}
            </ul>
          </>
        )}
        <h3>{f.t(MESSAGES.accessibilityTitle)}</h3>
        <p>{f.t(MESSAGES.accessibility)}</p>
        <p className="muted">{f.t(MESSAGES.build, { id: manifest.buildId })}</p>
      </div>
    </article>
  );
}
