/**
 * The sidebar's "Services" section (after the first map): a toggle per
 * service type with its symbol and how many there are in England, where the
 * services' information comes from and how old it is, the keyboard's way to
 * the services on the map (the list of those in view, nearest the centre
 * first), and the ways to list services near a place: the device's location
 * (asked for only when the button is pressed), a place chosen on the map, or
 * a postcode typed in the search.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useIntl } from 'react-intl';
import type { MapMouseEvent } from 'maplibre-gl';
import { SERVICE_TYPES } from '../../config/catalogue/services.ts';
import type { Msg } from '../../config/catalogue/types.ts';
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';
import { servicesPaths, type ServicesIndex } from '../../data/servicesSchema.ts';
import type { MessageValues } from '../../i18n/useText.ts';
import { useFormats } from '../../i18n/useText.ts';
import { countInView, servicesInView, type ServiceInView } from '../../map/services/clustering.ts';
import { useOpenService } from '../../map/services/openService.ts';
import { loadServicePoints, type ServicePoints } from '../../map/services/servicePoints.ts';
import { activeSelectionTool, setActiveSelectionTool } from '../../map/selection/toolState.ts';
import { atlasStatus } from '../../map/status.ts';
import { useAppStore } from '../../state/store.ts';
import { useAsync } from '../useAsync.ts';
import { locateInEngland, type LocateOutcome } from './locate.ts';
import { ServiceSymbol } from './ServiceSymbol.tsx';
import { serviceTypeText } from './serviceTypeText.ts';
import { sourceWhen } from './sourceText.ts';
import './servicesControl.css';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  title: m('services.control.title', 'Services'),
  notBuilt: m('services.control.notBuilt', 'Services are not in this build of the data (the pipeline was not given the services’ sources), so none can be shown or listed.'),
  indexFailed: m('services.control.indexFailed', 'The list of services could not be loaded: {error}'),
  show: m('services.control.show', 'Show on the map'),
  inEngland: m('services.control.inEngland', 'In England'),
  count: m('services.control.count', '{count}<hidden> in England</hidden>'),
  none: m('services.control.none', 'none in this build'),
  sources: m('services.control.sources', 'Where the services come from'),
  sourceItem: m('services.control.sourceItem', '{title} ({publisher}), {date}: {age}.'),
  sourceItemUndated: m('services.control.sourceItemUndated', '{title} ({publisher}), {date}.'),
  licence: m('services.control.licence', 'Licence: {licence}.'),
  sourceCount: m('services.control.sourceCount', '{label}: {count, plural, one {# source} other {# sources}}'),
  inView: m('services.control.inView', 'Services in view ({count})'),
  inViewNone: m('services.control.inViewNone', 'No service of the chosen types is in view: move or zoom out the map.'),
  inViewSome: m('services.control.inViewSome', 'The {shown} nearest the centre of the map, of {total} in view. Choose one to see its details.'),
  inViewAll: m('services.control.inViewAll', '{total, plural, one {The only service in view.} other {All # in view, nearest the centre of the map first.}} Choose one to see its details.'),
  inViewType: m('services.control.inViewType', ', {type}, '),
  fromCentre: m('services.control.fromCentre', ' from the centre'),
  km: m('services.control.km', '{km, number, ::.0} km'),
  metres: m('services.control.metres', '{metres, number} m'),
  near: m('services.control.near', 'Services near a place'),
  useLocation: m('services.control.useLocation', 'Use my location'),
  choosePlace: m('services.control.choosePlace', 'Choose a place on the map'),
  postcodeHint: m('services.control.postcodeHint', 'Or type a postcode in the search box at the top.'),
  locating: m('services.control.locating', 'Finding your location…'),
  located: m('services.control.located', 'Services near your location are listed in the panel.'),
  denied: m('services.control.denied', 'Your browser did not share your location (it was refused, here or in its settings). Choose a place on the map or type a postcode instead.'),
  unavailable: m('services.control.unavailable', 'Your device could not tell where it is just now. Try again, choose a place on the map or type a postcode.'),
  timeout: m('services.control.timeout', 'Finding your location took too long. Try again, choose a place on the map or type a postcode.'),
  unsupported: m('services.control.unsupported', 'This browser cannot share your location with this page. Choose a place on the map or type a postcode instead.'),
  outside: m('services.control.outside', 'Your location ({lat, number, ::.000}, {lng, number, ::.000}) is not in England, and this map covers England only. Choose a place on the map or type an English postcode.'),
  locateFailed: m('services.control.locateFailed', 'Your location could not be checked: {error}'),
  choosing: m('services.control.choosing', 'Click or tap the map where you want services listed.'),
  choosingKeys: m('services.control.choosingKeys', 'From the keyboard, move the map and use its centre. Esc cancels.'),
  useCentre: m('services.control.useCentre', 'Use the map centre'),
  cancel: m('services.control.cancel', 'Cancel'),
  cancelled: m('services.control.cancelled', 'Choosing a place was cancelled.'),
  chosen: m('services.control.chosen', 'Services near the place chosen are listed in the panel.'),
} satisfies Record<string, Msg>;

/** How many services in view the list shows. */
const IN_VIEW_LIMIT = 50;

type Status = { msg: Msg; values?: MessageValues; tone?: 'error' } | null;

const OUTCOME_MESSAGES: Record<Exclude<LocateOutcome['kind'], 'found'>, Msg> = {
  outside: MESSAGES.outside,
  denied: MESSAGES.denied,
  unavailable: MESSAGES.unavailable,
  timeout: MESSAGES.timeout,
  unsupported: MESSAGES.unsupported,
};

export default function ServicesControl({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const built = Boolean(manifest.files?.[servicesPaths.index]);
  return (
    <section className="services-control" aria-labelledby="services-title">
      <h2 id="services-title" className="services-control__title">
        {f.t(MESSAGES.title)}
      </h2>
      {built ? <ServicesChooser client={client} manifest={manifest} /> : <p className="note">{f.t(MESSAGES.notBuilt)}</p>}
    </section>
  );
}

function ServicesChooser({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const intl = useIntl();
  const index = useAsync(() => client.file<ServicesIndex>(servicesPaths.index), [client]);
  const chosen = useAppStore((s) => s.services);
  const [status, setStatus] = useState<Status>(null);

  const toggle = (type: ServiceTypeId, on: boolean) => {
    const { services, setServices } = useAppStore.getState();
    setServices(on ? [...services, type] : services.filter((t) => t !== type));
  };

  return (
    <>
      {index.error && (
        <p className="services-control__error" role="alert">
          {f.t(MESSAGES.indexFailed, { error: index.error.message })}
        </p>
      )}
      <fieldset className="services-control__types">
        <legend className="services-control__legend">
          <span className="field__label">{f.t(MESSAGES.show)}</span>
          {index.value && (
            <span className="services-control__count" aria-hidden="true">
              {f.t(MESSAGES.inEngland)}
            </span>
          )}
        </legend>
        {SERVICE_TYPES.map((type) => {
          const count = index.value?.types[type.id]?.count;
          const text = serviceTypeText(f, type.id);
          return (
            <label key={type.id} className="services-control__type" title={text.description}>
              <input type="checkbox" name="services" value={type.id} checked={chosen.includes(type.id)} onChange={(event) => toggle(type.id, event.target.checked)} />
              <ServiceSymbol type={type.id} size={18} />
              <span className="services-control__label">{text.label}</span>
              {index.value && <span className="services-control__count">{count ? intl.formatMessage(MESSAGES.count, { count: f.integer(count), hidden: (text) => <span className="visually-hidden">{text}</span> }) : f.t(MESSAGES.none)}</span>}
            </label>
          );
        })}
      </fieldset>
      {index.value && <Sources index={index.value} />}
      {chosen.length > 0 && <InView client={client} types={chosen} />}
      <NearStarters client={client} manifest={manifest} setStatus={setStatus} />
      <p className={`services-control__status${status?.tone === 'error' ? ' services-control__status--error' : ''}`} role="status" aria-live="polite" data-testid="services-status">
        {status && f.t(status.msg, status.values)}
      </p>
    </>
  );
}

/** Each type's sources, their dates and ages, licences and attributions, in a disclosure. */
function Sources({ index }: { index: ServicesIndex }) {
  const f = useFormats();
  const intl = useIntl();
  const now = new Date();
  return (
    <details className="services-control__sources">
      <summary>{f.t(MESSAGES.sources)}</summary>
      {SERVICE_TYPES.map((type) => {
        const ids = index.types[type.id]?.sources ?? [];
        if (ids.length === 0) return null;
        const text = serviceTypeText(f, type.id);
        return (
          <div key={type.id} className="services-control__source-type">
            <h3 className="services-control__source-title">
              <ServiceSymbol type={type.id} size={14} /> {f.t(MESSAGES.sourceCount, { label: text.label, count: ids.length })}
            </h3>
            <p className="note">{text.description}</p>
            <ul className="services-control__source-list">
              {ids.map((id) => {
                const source = index.sources[id];
                if (!source) return null;
                const when = sourceWhen(f, intl, source.date, now);
                return (
                  <li key={id}>
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer">
                        {when ? f.t(MESSAGES.sourceItem, { title: source.title, publisher: source.publisher, ...when }) : f.t(MESSAGES.sourceItemUndated, { title: source.title, publisher: source.publisher, date: source.date })}
                      </a>
                    ) : when ? (
                      f.t(MESSAGES.sourceItem, { title: source.title, publisher: source.publisher, ...when })
                    ) : (
                      f.t(MESSAGES.sourceItemUndated, { title: source.title, publisher: source.publisher, date: source.date })
                    )}{' '}
                    <span className="muted">
                      {source.attribution} {f.t(MESSAGES.licence, { licence: source.licence })}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </details>
  );
}

/** The points of the chosen types, as they arrive (the overlay asks for the same, fetched once). */
function usePoints(client: DataClient, types: readonly ServiceTypeId[]): ServicePoints[] {
  const [sets, setSets] = useState<ServicePoints[]>([]);
  useEffect(() => {
    let current = true;
    Promise.allSettled(types.map((type) => loadServicePoints(client, type))).then((results) => {
      // A type that failed is said by the overlay; the list does without it.
      if (current) setSets(results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
    });
    return () => {
      current = false;
    };
  }, [client, types]);
  return sets;
}

/** Counts again whenever the map stops moving. */
function useMapSettled(): number {
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    const map = atlasStatus.map;
    if (!map) return;
    const onMoveEnd = () => setSettled((n) => n + 1);
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, []);
  return settled;
}

/** The services in the map's view: only counted while the list is closed (nearest first when it is open). */
function viewOfMap(sets: readonly ServicePoints[], listed: boolean): { total: number; nearest: ServiceInView[] } {
  const map = atlasStatus.map;
  if (!map || sets.length === 0) return { total: 0, nearest: [] };
  const view = map.getBounds();
  const bounds = { west: view.getWest(), south: view.getSouth(), east: view.getEast(), north: view.getNorth() };
  return listed ? servicesInView(sets, bounds, map.getCenter(), IN_VIEW_LIMIT) : { total: countInView(sets, bounds), nearest: [] };
}

/** "Services in view (N)": a list of those nearest the map's centre, each opening its details over the map. */
function InView({ client, types }: { client: DataClient; types: readonly ServiceTypeId[] }) {
  const f = useFormats();
  const sets = usePoints(client, types);
  const settled = useMapSettled();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const [view, setView] = useState(() => viewOfMap(sets, open));
  useEffect(() => setView(viewOfMap(sets, open)), [sets, settled, open]);

  const distance = (km: number) => (km < 1 ? f.t(MESSAGES.metres, { metres: Math.round(km * 100) * 10 }) : f.t(MESSAGES.km, { km }));
  return (
    <div className="services-control__in-view">
      <button type="button" className="button button--quiet services-control__in-view-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {f.t(MESSAGES.inView, { count: f.integer(view.total) })}
      </button>
      <div id={listId} hidden={!open}>
        {open && (
          <>
            <p className="note">
              {view.total === 0
                ? f.t(MESSAGES.inViewNone)
                : view.total > view.nearest.length
                  ? f.t(MESSAGES.inViewSome, { shown: view.nearest.length, total: f.integer(view.total) })
                  : f.t(MESSAGES.inViewAll, { total: view.total })}
            </p>
            <ol className="services-control__in-view-list" data-testid="services-in-view">
              {view.nearest.map((service) => (
                <li key={`${service.type}:${service.id}`}>
                  {/* Read as "Halcyon Medical, GP practice, 20 m from the centre": the visible text and the words a screen reader needs. */}
                  <button
                    type="button"
                    className="services-control__in-view-item"
                    onClick={(event) => {
                      const { type, id, lng, lat, name } = service;
                      useOpenService.getState().openService({ type, id, lng, lat, name, fly: true, returnFocus: event.currentTarget });
                    }}
                  >
                    <ServiceSymbol type={service.type} size={16} />
                    <span className="services-control__in-view-name">{service.name}</span>
                    <span className="visually-hidden">{f.t(MESSAGES.inViewType, { type: serviceTypeText(f, service.type).singular })}</span>
                    <span className="services-control__in-view-distance">
                      {distance(service.km)}
                      <span className="visually-hidden">{f.t(MESSAGES.fromCentre)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}

/** "Use my location", "Choose a place on the map", and the hint about postcodes. */
function NearStarters({ client, manifest, setStatus }: { client: DataClient; manifest: Manifest; setStatus(status: Status): void }) {
  const f = useFormats();
  const [locating, setLocating] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const chooseButton = useRef<HTMLButtonElement>(null);

  const useLocation = async () => {
    setLocating(true);
    setStatus({ msg: MESSAGES.locating });
    try {
      const outcome = await locateInEngland(typeof navigator === 'undefined' ? undefined : navigator.geolocation, client, manifest);
      if (outcome.kind === 'found') {
        useAppStore.getState().setPlace({ kind: 'point', lng: outcome.lng, lat: outcome.lat });
        setStatus({ msg: MESSAGES.located });
      } else {
        setStatus({ msg: OUTCOME_MESSAGES[outcome.kind], values: outcome.kind === 'outside' ? { lng: outcome.lng, lat: outcome.lat } : undefined, tone: 'error' });
      }
    } catch (error) {
      setStatus({ msg: MESSAGES.locateFailed, values: { error: (error as Error).message }, tone: 'error' });
    } finally {
      setLocating(false);
    }
  };

  const finishChoosing = useCallback(
    (status: Status) => {
      setChoosing(false);
      setStatus(status);
      requestAnimationFrame(() => chooseButton.current?.focus());
    },
    [setStatus],
  );

  return (
    <div className="services-control__near" role="group" aria-labelledby="services-near-title">
      <h3 id="services-near-title" className="field__label">
        {f.t(MESSAGES.near)}
      </h3>
      <div className="services-control__near-buttons">
        <button type="button" className="button" onClick={useLocation} disabled={locating} aria-busy={locating}>
          {f.t(MESSAGES.useLocation)}
        </button>
        <button
          ref={chooseButton}
          type="button"
          className="button button--quiet"
          aria-pressed={choosing}
          onClick={() => {
            if (choosing) finishChoosing({ msg: MESSAGES.cancelled });
            else {
              setChoosing(true);
              setStatus({ msg: MESSAGES.choosing });
            }
          }}
        >
          {f.t(MESSAGES.choosePlace)}
        </button>
      </div>
      <p className="note">{f.t(MESSAGES.postcodeHint)}</p>
      {choosing && <PlacePicker onDone={finishChoosing} />}
    </div>
  );
}

/**
 * While a place is being chosen: the map's tool is 'place' (so a click does
 * not also select the area under it), the next click on the map is the
 * place, and a small panel over the map says so, with the keyboard's way
 * (the map's centre) and a way out (Escape, Cancel).
 */
function PlacePicker({ onDone }: { onDone(status: Status): void }) {
  const f = useFormats();
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  const choose = useCallback((lng: number, lat: number) => {
    useAppStore.getState().setPlace({ kind: 'point', lng, lat });
    doneRef.current({ msg: MESSAGES.chosen });
  }, []);

  useEffect(() => {
    const map = atlasStatus.map;
    if (!map) return;
    setActiveSelectionTool('place');
    const container = map.getContainer();
    container.classList.add('services-choosing');
    const onClick = (event: MapMouseEvent) => choose(event.lngLat.lng, event.lngLat.lat);
    map.once('click', onClick);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      doneRef.current({ msg: MESSAGES.cancelled });
    };
    document.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      document.removeEventListener('keydown', onKey);
      container.classList.remove('services-choosing');
      if (activeSelectionTool() === 'place') setActiveSelectionTool(null);
    };
  }, [choose]);

  const map = atlasStatus.map;
  const host = map?.getContainer().closest('.map');
  if (!map || !host) return null;
  return createPortal(
    <div className="services-picker" role="group" aria-label={f.t(MESSAGES.choosePlace)} data-testid="services-picker">
      <p className="services-picker__hint">
        {f.t(MESSAGES.choosing)} <span className="services-picker__keys">{f.t(MESSAGES.choosingKeys)}</span>
      </p>
      <div className="services-picker__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            const centre = map.getCenter();
            choose(centre.lng, centre.lat);
          }}
        >
          {f.t(MESSAGES.useCentre)}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone({ msg: MESSAGES.cancelled })}>
          {f.t(MESSAGES.cancel)}
        </button>
      </div>
    </div>,
    host,
  );
}
