/**
 * "Near me" (issue 14): the panel of a place, a postcode or a point. It
 * resolves the place (src/data/placeLookup.ts), shows its neighbourhood's
 * card and the services of the chosen types within the chosen distance,
 * nearest first (src/data/nearbyServices.ts), with whether each is open now
 * (src/data/openNow.ts, loaded once the list is on screen). It works
 * without the map: headings, lists, every distance spelled out for speech,
 * and a print style that keeps the card and the list on one page.
 *
 * Speed: the place's lookup and the services index are fetched together,
 * then the cells around the place together; the card loads beside the list
 * and never holds it back; the camera flies only once the list is drawn
 * (src/map/residents/placeCamera.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../config/serviceTypes.ts';
import type { DataClient } from '../../data/client.ts';
import { loadNearestOfType, NEAR_REACH_METRES } from '../../data/nearbyServices.ts';
import { placeKey, placePostcodeText, type PlaceResolution } from '../../data/placeLookup.ts';
import type { Manifest } from '../../data/schema.ts';
import { useFormats, type Formats } from '../../i18n/useText.ts';
import { markListShown } from '../../map/residents/placeCamera.ts';
import { useAppStore } from '../../state/store.ts';
import type { PlaceRef } from '../../state/url.ts';
import { formatDistance } from './format.ts';
import { PANEL, LIST } from './messages.ts';
import { NearControls } from './NearControls.tsx';
import { NearbyGroups, type Beyond, type OpenStateOf } from './NearbyList.tsx';
import { NeighbourhoodCard } from './NeighbourhoodCard.tsx';
import { nearbyList, neighbourhoodCard, originOf, placeResolution, servicesIndex, usePromise } from './placeData.ts';
import { SourcesList } from './SourcesList.tsx';
import './residents.css';

interface Props {
  client: DataClient;
  manifest: Manifest;
}

/** For the search: a postcode typed in full fetches its panel's data before Enter. */
export { prefetchPlace } from './placeData.ts';

type OpenNowModule = typeof import('../../data/openNow.ts');

/** The time now, renewed every minute (for "open now"). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Why a place has no neighbourhood or no list, said plainly (the search's wording); null when it has both. */
function problemText(f: Formats, resolution: PlaceResolution): string | null {
  switch (resolution.kind) {
    case 'found':
      return resolution.place.lsoa ? null : f.t(PANEL.offshore, { postcode: resolution.place.postcode.text });
    case 'noPostcodeNear':
      return f.t(PANEL.noPostcodeNear);
    case 'notBuilt':
      return f.t(PANEL.notBuilt);
    case 'outsideEngland':
      return f.t(PANEL.outside, { postcode: resolution.postcode.text, nation: resolution.nation });
    case 'unknown':
      return f.t(PANEL.unknown, { postcode: resolution.postcode.text, border: resolution.border ? 'yes' : 'no' });
    default:
      return f.t(PANEL.format, { input: resolution.input });
  }
}

function PlacePanel({ client, manifest, place }: Props & { place: PlaceRef }) {
  const f = useFormats();
  const intl = useIntl();
  const key = placeKey(place);
  const types = useAppStore((s) => s.services);
  const within = useAppStore((s) => s.within);
  const setPlace = useAppStore((s) => s.setPlace);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  // Started by the search while the postcode was typed, or here in the first render: one chain, no render between its steps.
  const resolution = usePromise(placeResolution(client, manifest, place));
  const index = usePromise(servicesIndex(client));
  const nearby = usePromise(types.length > 0 ? nearbyList(client, manifest, place, types, within) : undefined, { keep: true });
  const origin = originOf(resolution.value);
  const list = nearby.value ?? undefined;

  // Types with none within the distance: the nearest beyond, each on its own.
  const missing = list ? list.types.filter((group) => group.within.length === 0).map((group) => group.type) : [];
  const [beyond, setBeyond] = useState<Partial<Record<ServiceTypeId, Beyond>>>({});
  useEffect(() => {
    if (!origin || !index.value || missing.length === 0) return;
    let current = true;
    setBeyond(Object.fromEntries(missing.map((type) => [type, { loading: true }])));
    for (const type of missing) {
      loadNearestOfType(client, index.value, type, origin.lng, origin.lat).then(
        (nearest) => current && setBeyond((last) => ({ ...last, [type]: { loading: false, nearest } })),
        (error: Error) => current && setBeyond((last) => ({ ...last, [type]: { loading: false, error } })),
      );
    }
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, origin?.lng, origin?.lat, index.value, missing.join()]);

  // "Open now" needs the opening_hours library: loaded once a listed service has hours in its syntax.
  const [openNow, setOpenNow] = useState<OpenNowModule | null>(null);
  const hasHours = !!list?.types.some((group) => group.within.some((item) => item.record.openingHours)) || Object.values(beyond).some((b) => b && 'nearest' in b && b.nearest?.record.openingHours);
  useEffect(() => {
    if (!hasHours || openNow) return;
    let current = true;
    import('../../data/openNow.ts').then(
      (module) => current && setOpenNow(module),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [hasHours, openNow]);
  const openStateOf: OpenStateOf | null = openNow && origin ? (record) => (record.openingHours ? openNow.openState(record.openingHours, now, origin) : null) : null;

  // Keyboard and screen reader users land on the panel when a place is chosen.
  useEffect(() => {
    titleRef.current?.focus({ preventScroll: true });
  }, []);
  // A link with a place and no types (`?postcode=B152TT`) lists every type, as setPlace does when a place is chosen.
  useLayoutEffect(() => {
    if (useAppStore.getState().services.length === 0) useAppStore.getState().setServices([...SERVICE_TYPE_IDS]);
  }, []);
  // The list is in the page (the benchmark reads the mark), then drawn: the camera may fly now (placeCamera.ts).
  const listShown = !!list || (resolution.value !== undefined && !origin) || index.value === null;
  useLayoutEffect(() => {
    if (listShown) performance.mark('atlas:near-me-list');
  }, [listShown]);
  useEffect(() => {
    if (!listShown) return;
    const frame = requestAnimationFrame(() => setTimeout(() => markListShown(key), 0));
    return () => cancelAnimationFrame(frame);
  }, [listShown, key]);

  const postcodeText = placePostcodeText(place);
  const found = resolution.value?.kind === 'found' ? resolution.value.place : null;
  const problem = resolution.value ? problemText(f, resolution.value) : null;
  const sources = index.value?.sources ?? {};

  let listBody: React.ReactNode = null;
  if (origin) {
    if (types.length === 0) listBody = <p>{f.t(LIST.noTypes)}</p>;
    else if (index.error) listBody = <p role="alert">{f.t(LIST.failed, { error: index.error.message })}</p>;
    else if (index.value === null) listBody = <p>{f.t(LIST.notBuilt)}</p>;
    else if (nearby.error) listBody = <p role="alert">{f.t(LIST.failed, { error: nearby.error.message })}</p>;
    else if (!list) listBody = <p aria-busy="true">{f.t(LIST.loading)}</p>;
    else listBody = <NearbyGroups types={list.types} within={within} beyond={beyond} sources={sources} openStateOf={openStateOf} now={now} />;
  }
  const listed = list?.types.reduce((sum, group) => sum + group.within.length, 0);

  return (
    <aside className="panel resident-panel" aria-labelledby="resident-title" data-list={list ? 'shown' : 'pending'}>
      <header className="panel__header">
        <div>
          <p className="panel__kicker">{f.t(PANEL.kicker)}</p>
          <h2 id="resident-title" className="panel__title" tabIndex={-1} ref={titleRef}>
            {postcodeText ? f.t(PANEL.titlePostcode, { postcode: postcodeText }) : f.t(PANEL.titlePoint)}
          </h2>
          {found && resolution.value?.kind === 'found' && resolution.value.from === 'point' && (
            <p className="panel__codes">{f.t(PANEL.nearestPostcode, { postcode: found.postcode.text, distance: formatDistance(intl, found.postcodeMetres, 'long') })}</p>
          )}
        </div>
        <button type="button" className="icon-button near-close" onClick={() => setPlace(null)} aria-label={f.t(PANEL.close)}>
          {f.t(PANEL.closeMark)}
        </button>
      </header>
      <div className="panel__body">
        {resolution.loading && <p aria-busy="true">{f.t(PANEL.looking)}</p>}
        {resolution.error && <p role="alert">{f.t(PANEL.lookupFailed, { error: resolution.error.message })}</p>}
        {problem && (
          <p className="near-problem" role="alert">
            {problem}
          </p>
        )}
        {found?.lsoa && <NeighbourhoodCard card={neighbourhoodCard(client, manifest, found.lsoa)} lsoa={found.lsoa} manifest={manifest} />}
        {origin && (
          <section className="near-services" aria-labelledby="near-list-title">
            <h3 id="near-list-title">{f.t(LIST.title, { within })}</h3>
            <NearControls />
            <p className="note near-estimate">{f.t(LIST.estimate, { within, reach: formatDistance(intl, NEAR_REACH_METRES.walk20, 'long') })}</p>
            <p className="visually-hidden" role="status">
              {listed !== undefined && types.length > 0 ? f.t(LIST.listed, { count: listed, within }) : ''}
            </p>
            {listBody}
          </section>
        )}
        {list && <SourcesList list={list} beyond={beyond} sources={sources} now={now} />}
      </div>
    </aside>
  );
}

export default function ResidentPanel({ client, manifest }: Props) {
  const place = useAppStore((s) => s.place);
  if (!place) return null;
  // A new place is a new panel: its own lookups, and the focus on its heading.
  return <PlacePanel key={placeKey(place)} client={client} manifest={manifest} place={place} />;
}
