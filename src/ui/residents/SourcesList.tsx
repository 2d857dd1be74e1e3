/**
 * Where the listed services' information comes from: each source once, with
 * its publisher, date (and what the date is), age, licence and address. On
 * paper the addresses are printed out (residents.css), with the page's link.
 */
import { useIntl } from 'react-intl';
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import type { NearbyServices } from '../../data/nearbyServices.ts';
import type { ServiceSource, ServicesIndex } from '../../data/servicesSchema.ts';
import { useFormats } from '../../i18n/useText.ts';
import { sourceWhen } from '../services/sourceText.ts';
import { SOURCES } from './messages.ts';
import type { Beyond } from './NearbyList.tsx';

/** The page's link without the map's position: the place, the types and the distance are what the paper is about. */
function placeLink(): string {
  const link = new URL(window.location.href);
  link.searchParams.delete('map');
  return link.href;
}

export function SourcesList({ list, beyond, sources, now }: { list: NearbyServices; beyond: Partial<Record<ServiceTypeId, Beyond>>; sources: ServicesIndex['sources']; now: Date }) {
  const f = useFormats();
  const intl = useIntl();
  const ids = new Set([
    ...list.types.flatMap((group) => group.within.map((item) => item.record.source)),
    ...Object.values(beyond).flatMap((b) => (b && 'nearest' in b && b.nearest ? [b.nearest.record.source] : [])),
  ]);
  const used = [...ids].map((id) => sources[id]).filter((source): source is ServiceSource => !!source);
  if (used.length === 0) return null;
  return (
    <section className="near-sources" aria-labelledby="near-sources-title">
      <h3 id="near-sources-title">{f.t(SOURCES.title)}</h3>
      <ul>
        {used.map((source) => {
          const when = sourceWhen(f, intl, source.date, now);
          return (
            <li key={source.id}>
              {f.t(SOURCES.entry, { title: source.title, date: when?.date ?? source.date, age: when?.age ?? '' })}{' '}
              <span className="near-sources__detail">
                {f.t(SOURCES.detail, { publisher: source.publisher, note: source.dateNote })} {f.t(SOURCES.licence, { licence: source.licence })}
              </span>
              {source.url && (
                <>
                  {' '}
                  <a href={source.url} className="near-sources__link">
                    {source.url}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="near-printed">{f.t(SOURCES.printed, { date: intl.formatDate(now, { dateStyle: 'long' }), link: placeLink() })}</p>
    </section>
  );
}
