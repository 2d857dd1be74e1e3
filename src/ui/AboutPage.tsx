/** "About the data": what the figures are, where they come from, and their limits. */
import { useEffect, useRef } from 'react';
import { INDICATORS } from '../config/indicators.ts';
import { LEVELS, LEVEL_LABELS } from '../config/geography.ts';
import { MEASURES, MEASURE_INFO } from '../config/measures.ts';
import type { DataClient } from '../data/client.ts';
import { dataPaths, type Manifest } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import { formatInteger } from './format.ts';

export function AboutPage({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const setView = useAppStore((s) => s.setView);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const census = manifest.weights.kind === 'census-2021';
  const proportionRows = manifest.agreement.filter((row) => row.measure === 'proportionMostDeprived10');
  const differing = [...new Set(proportionRows.flatMap((row) => row.differing))];
  const hasFile10 = manifest.agreement.length > 0;

  return (
    <article className="about" aria-labelledby="about-title">
      <div className="about__inner">
        <button type="button" className="button button--quiet" onClick={() => setView('map')}>
          ← Back to the map
        </button>
        <h2 id="about-title" tabIndex={-1} ref={heading}>
          About the data
        </h2>

        <h3>What the Index of Multiple Deprivation measures</h3>
        <p>
          The English Indices of Deprivation 2025, published by the Ministry of Housing, Communities and Local Government
          (MHCLG), rank every neighbourhood in England by <em>relative</em> deprivation: a lack of resources and
          opportunities, not a lack of wealth. The Index of Multiple Deprivation (IMD) combines seven domains: income;
          employment; education, skills and training; health and disability; crime; barriers to housing and services;
          and the living environment. Six sub-domains split three of them further.
        </p>
        <p>
          The neighbourhoods are the {formatInteger(manifest.counts.lsoa)} Lower layer Super Output Areas (LSOAs, 2021
          boundaries) of England, each home to about 1,500 people. A deprived area is not a place where everyone is
          deprived, nor is every deprived person in a deprived area.
        </p>

        <h3>What a decile is</h3>
        <p>
          All LSOAs are ranked from 1 (most deprived) to {formatInteger(manifest.counts.lsoa)} (least deprived) and
          split into ten equal groups: <strong>decile 1 is the most deprived 10%</strong>, decile 10 the least deprived
          10%. For wards and authorities the map ranks the areas by a summary measure and splits them into deciles of
          their own ({formatInteger(manifest.counts.ward)} wards, {manifest.counts.lad} authorities).
        </p>

        <h3>Why 2019 and 2025 ranks are not directly comparable</h3>
        <p>
          Ranks are relative: an area can move down the ranking because others got worse, with no change of its own.
          The IoD 2019 ranked the 32,844 LSOAs of 2011; the IoD 2025 ranks the {formatInteger(manifest.counts.lsoa)} LSOAs
          of 2021, so many neighbourhoods were split, merged or redrawn and a code may not mean the same place. Some
          indicators and data sources changed as well. Compare deciles or broad positions between editions, with care,
          and only for unchanged LSOAs; never read a change of rank as a measured change in deprivation.
        </p>

        <h3>Wards and local authorities</h3>
        <p>
          Wards ({manifest.vintages.ward} codes) and authorities ({manifest.vintages.lad} codes) are drawn and summarised
          as unions of their LSOAs, through the ONS best-fit lookup of each LSOA to one ward. The outlines therefore
          follow LSOA edges, which are close to but not the official ward boundaries, and outlines and figures always
          agree. Their summary measures follow MHCLG’s method for local authority summaries:
        </p>
        <dl className="about__measures">
          {MEASURES.map((m) => (
            <div key={m}>
              <dt>{MEASURE_INFO[m].label}</dt>
              <dd>{MEASURE_INFO[m].description}</dd>
            </div>
          ))}
        </dl>

        <h3>Population weights</h3>
        <p>
          The weighted measures weight each LSOA by <strong>{manifest.weights.description}</strong>.
          {census &&
            ' MHCLG weights by the mid-2022 population in File 7, which this build did not have; Census 2021 usual residents are the closest official stand-in, so weighted ward figures and the weighted authority measures that File 10 does not publish differ slightly from what MHCLG would compute.'}{' '}
          {hasFile10
            ? 'For authorities, the map, table and downloads show MHCLG’s published File 10 figures wherever File 10 has them, and computed ones (marked “computed”) elsewhere.'
            : 'This build was not given File 10, so every authority figure is computed by the same method (marked “computed”), none is the official one.'}
        </p>
        {hasFile10 && (
        <details>
          <summary>How closely the computed authority figures match File 10</summary>
          <div className="table-scroll">
            <table className="measures">
              <caption>Computed authority figures against the published File 10, {manifest.counts.lad} authorities</caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Measure</th>
                  <th scope="col">Equal as published</th>
                  <th scope="col">Largest difference</th>
                  <th scope="col">Equal ranks</th>
                </tr>
              </thead>
              <tbody>
                {manifest.agreement.map((row) => (
                  <tr key={`${row.indicator}-${row.measure}`}>
                    <td>{INDICATORS.find((i) => i.id === row.indicator)?.short}</td>
                    <td>{MEASURE_INFO[row.measure].label}</td>
                    <td>
                      {row.equalAtPublishedPrecision} of {row.areas}
                    </td>
                    <td>{row.maxAbsDifference.toPrecision(3)}</td>
                    <td>
                      {row.equalRanks} of {row.areas}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {differing.length > 0 && (
            <p>
              The unweighted proportion differs for {differing.join(', ')}: there the best-fit ward lookup puts an LSOA in a
              different authority from MHCLG’s own assignment, so the authority has one LSOA more or fewer here than in
              File 10 (the README names the LSOA).
            </p>
          )}
        </details>
        )}

        <h3>Downloads</h3>
        <ul>
          {LEVELS.map((level) => (
            <li key={level}>
              <a href={client.url(dataPaths.download(level))} download>
                {level}.csv
              </a>{' '}
              — every {LEVEL_LABELS[level].singular} with its parents and all indicators
            </li>
          ))}
          <li>
            <a href={client.url(dataPaths.downloadsReadme)}>Column dictionary (README.md)</a>: vintages, weights and sources of every column
          </li>
        </ul>

        <h3>Sources and licences</h3>
        <ul className="about__sources">
          {manifest.sources.map((source) => (
            <li key={source.id}>
              <strong>{source.title}</strong>, {source.publisher}. {source.licence}.{' '}
              {source.url?.startsWith('http') && <a href={source.url}>Official download</a>} <span className="muted">(file used: {source.file})</span>
              <br />
              <span className="muted">{source.attribution}</span>
            </li>
          ))}
        </ul>
        {manifest.skipped.length > 0 && (
          <>
            <h3>Left out of the build</h3>
            <ul>
              {manifest.skipped.map((s) => (
                <li key={`${s.file}-${s.what}`}>
                  {formatInteger(s.count)} {s.what} in {s.file}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>Accessibility</h3>
        <p>
          Everything on the map can be reached without a mouse: search for an area, or use the table view, whose rows
          select areas. The colours are the viridis scale, which stays distinct with the common kinds of colour
          blindness; every colour also has its decile number in the legend, table and charts.
        </p>
        <p className="muted">Data build {manifest.buildId}.</p>
      </div>
    </article>
  );
}
