/**
 * The selected area: what it is and where (codes with their vintage,
 * parents), how deprived it is overall and in each domain, and for a ward or
 * authority its summary measures and how its LSOAs spread across England's
 * deciles.
 */
import { HEADLINE_INDICATORS, INDICATORS, indicatorById, type IndicatorId } from '../config/indicators.ts';
import { LEVEL_LABELS, type Level } from '../config/geography.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../config/measures.ts';
import { describeArea, type AreaInfo } from '../data/areas.ts';
import type { DataClient } from '../data/client.ts';
import type { GroupColumnWithDeciles, Manifest, Profile } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import { DecileDistribution, DecileStrips, type DecileRow } from './charts.tsx';
import { decileWords, formatInteger, formatMeasure, rankOf } from './format.ts';
import { useAsync } from './useAsync.ts';

interface Props {
  client: DataClient;
  manifest: Manifest;
}

function vintageLabel(level: Level, manifest: Manifest): string {
  return level === 'lsoa' ? 'LSOA 2021' : level === 'ward' ? `Ward ${manifest.vintages.ward}` : `LAD ${manifest.vintages.lad}`;
}

function AreaLink({ code, name, level, manifest }: { code: string; name: string; level: Level; manifest: Manifest }) {
  const select = useAppStore((s) => s.select);
  return (
    <button type="button" className="link-button" onClick={() => select(code, { fly: true })}>
      {name}
      <span className="muted">
        {' '}
        ({vintageLabel(level, manifest)} {code})
      </span>
    </button>
  );
}

function LsoaProfile({ profile, area, manifest }: { profile: Profile; area: AreaInfo; manifest: Manifest }) {
  const indicator = useAppStore((s) => s.indicator);
  const position = profile.lsoas.codes.indexOf(area.code);
  if (position < 0) return <p>No figures for this LSOA.</p>;
  const values = (id: IndicatorId) => profile.lsoas.values[id];
  const n = manifest.counts.lsoa;
  const current = indicatorById(indicator);
  const [score, rank, decile] = [values(indicator).score[position], values(indicator).rank[position], values(indicator).decile[position]];
  const row = (id: IndicatorId): DecileRow => ({
    label: indicatorById(id).short,
    decile: values(id).decile[position],
    detail: `rank ${rankOf(values(id).rank[position], n)}`,
    emphasis: id === indicator,
  });
  return (
    <>
      <p className="headline">
        <span className="headline__value">Decile {decile}</span> of the {current.label}: {decileWords(decile)} of England’s{' '}
        {formatInteger(n)} neighbourhoods (rank {rankOf(rank, n)}, score {score}).
      </p>
      <h3>Deprivation by domain</h3>
      <DecileStrips rows={HEADLINE_INDICATORS.map((i) => row(i.id))} caption="National decile and rank of this LSOA for the IMD and each domain" />
      <details>
        <summary>Sub-domains</summary>
        <DecileStrips rows={INDICATORS.filter((i) => i.kind === 'subdomain').map((i) => row(i.id))} caption="National decile and rank for each sub-domain" />
      </details>
    </>
  );
}

function GroupProfile({
  level,
  summaries,
  position,
  area,
  manifest,
  wardCount,
}: {
  level: 'ward' | 'lad';
  summaries: Record<IndicatorId, GroupColumnWithDeciles>;
  position: number;
  area: AreaInfo;
  manifest: Manifest;
  wardCount: number;
}) {
  const indicator = useAppStore((s) => s.indicator);
  const measure = useAppStore((s) => s.measure);
  const n = manifest.counts[level];
  const current = summaries[indicator];
  const value = (id: IndicatorId, m: Measure) => summaries[id].values[m][position];
  const rank = (id: IndicatorId, m: Measure) => summaries[id].ranks[m][position];
  const plural = LEVEL_LABELS[level].plural;
  const official = (m: Measure) => current.official.includes(m);
  const weights = manifest.weights.kind === 'census-2021' ? 'Census 2021 residents' : `mid-year population`;
  const rowFor = (id: IndicatorId): DecileRow => ({
    label: indicatorById(id).short,
    decile: summaries[id].deciles[measure][position],
    detail: `${formatMeasure(measure, value(id, measure))} · rank ${rankOf(rank(id, measure), n)}`,
    emphasis: id === indicator,
  });
  const counts = current.decileCounts.slice(position * 10, position * 10 + 10);
  return (
    <>
      <p className="headline">
        <span className="headline__value">
          {MEASURE_INFO[measure].label}: {formatMeasure(measure, value(indicator, measure))}
        </span>{' '}
        ({indicatorById(indicator).short}) — rank {rankOf(rank(indicator, measure), n)} {plural} in England, 1 = most deprived
        {level === 'ward' && current.ranksWithinLad && area.lad
          ? `; ${rankOf(current.ranksWithinLad[measure][position], wardCount)} wards in ${area.lad.name}`
          : ''}
        .
      </p>
      <DecileDistribution counts={counts} caption={`Its ${formatInteger(counts.reduce((a, b) => a + b, 0))} LSOAs by national ${indicatorById(indicator).short} decile`} />
      <h3>Summary measures ({indicatorById(indicator).short})</h3>
      <div className="table-scroll">
        <table className="measures">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Value</th>
              <th scope="col">Rank in England</th>
              {level === 'ward' && <th scope="col">Rank in authority</th>}
            </tr>
          </thead>
          <tbody>
            {MEASURES.map((m) => (
              <tr key={m} className={m === measure ? 'measures__current' : undefined}>
                <th scope="row">
                  {MEASURE_INFO[m].label}
                  {level === 'lad' && <span className={official(m) ? 'tag tag--official' : 'tag'}>{official(m) ? 'official' : 'computed'}</span>}
                </th>
                <td>{formatMeasure(m, value(indicator, m))}</td>
                <td>{rankOf(rank(indicator, m), n)}</td>
                {level === 'ward' && <td>{current.ranksWithinLad ? rankOf(current.ranksWithinLad[m][position], wardCount) : '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        {level === 'lad'
          ? `“Official” figures are MHCLG’s File 10. “Computed” ones use MHCLG’s method, weighted by ${weights}.`
          : `Computed from the ward’s LSOAs with MHCLG’s method for local authority summaries, weighted by ${weights}. Wards are unions of LSOAs (ONS best-fit lookup).`}
      </p>
      <h3>By domain ({MEASURE_INFO[measure].label.toLowerCase()}, deciles of {plural})</h3>
      <DecileStrips rows={HEADLINE_INDICATORS.map((i) => rowFor(i.id))} caption={`Decile among ${plural} of the ${MEASURE_INFO[measure].label.toLowerCase()} for the IMD and each domain`} />
      <details>
        <summary>Sub-domains</summary>
        <DecileStrips rows={INDICATORS.filter((i) => i.kind === 'subdomain').map((i) => rowFor(i.id))} caption="Decile for each sub-domain" />
      </details>
    </>
  );
}

export function AreaPanel({ client, manifest }: Props) {
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const area = useAsync(() => (selection ? describeArea(client, selection) : undefined), [client, selection]);
  const ladCode = area.value ? (area.value.level === 'lad' ? area.value.code : area.value.lad?.code) : undefined;
  const profile = useAsync(() => (ladCode ? client.profile(ladCode) : undefined), [client, ladCode]);
  if (!selection) return null;

  const info = area.value;
  let body: React.ReactNode = <p aria-busy="true">Loading…</p>;
  if (area.error || profile.error) body = <p role="alert">The figures for this area could not be loaded: {(area.error ?? profile.error)!.message}</p>;
  else if (!area.loading && !info) body = <p role="alert">{selection} is not an area of this map.</p>;
  else if (info && profile.value) {
    const p = profile.value;
    if (info.level === 'lsoa') body = <LsoaProfile profile={p} area={info} manifest={manifest} />;
    else if (info.level === 'ward') {
      body = (
        <GroupProfile level="ward" summaries={p.wards.summaries} position={p.wards.codes.indexOf(info.code)} area={info} manifest={manifest} wardCount={p.wards.codes.length} />
      );
    } else body = <GroupProfile level="lad" summaries={p.lad.summaries} position={0} area={info} manifest={manifest} wardCount={p.wards.codes.length} />;
  }

  return (
    <aside className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">{info ? LEVEL_LABELS[info.level].singular : 'Selected area'}</p>
          <h2 id="panel-title" className="panel__title">
            {info?.name ?? selection}
          </h2>
          {info && (
            <p className="panel__codes">
              {vintageLabel(info.level, manifest)} code <code>{info.code}</code>
            </p>
          )}
        </div>
        <button type="button" className="icon-button" onClick={() => select(null)} aria-label="Close area details">
          ×
        </button>
      </header>
      {info && (info.ward || info.lad) && (
        <dl className="panel__parents">
          {info.ward && (
            <>
              <dt>Ward</dt>
              <dd>
                <AreaLink code={info.ward.code} name={info.ward.name} level="ward" manifest={manifest} />
              </dd>
            </>
          )}
          {info.lad && (
            <>
              <dt>Authority</dt>
              <dd>
                <AreaLink code={info.lad.code} name={info.lad.name} level="lad" manifest={manifest} />
              </dd>
            </>
          )}
        </dl>
      )}
      <div className="panel__body">{body}</div>
    </aside>
  );
}
