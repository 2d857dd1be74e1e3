/**
 * A service's details over the map, opened by a click on its symbol or from
 * the services control's list of services in view: its name, kind, address,
 * postcode, opening hours as published, web page, where its information comes
 * from and how old that is, and "Services near here", which makes its point
 * the place services are listed near.
 *
 * A non-modal dialog: it takes the keyboard focus when it opens, Escape or
 * its close button closes it and gives the focus back to where it came from
 * (the list's button, or the map). On a desktop it stands over the service,
 * following the map as it moves; on a phone it sits across the foot of the
 * map.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Msg } from '../../config/catalogue/types.ts';
import type { DataClient } from '../../data/client.ts';
import { servicesPaths, type ServiceRecord, type ServicesIndex } from '../../data/servicesSchema.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAppStore } from '../../state/store.ts';
import { ServiceSymbol } from '../../ui/services/ServiceSymbol.tsx';
import { serviceTypeText } from '../../ui/services/serviceTypeText.ts';
import { sourceWhen } from '../../ui/services/sourceText.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { flyToPoint } from '../flyToPoint.ts';
import { useOpenService, type OpenService } from './openService.ts';
import { loadServiceRecord } from './serviceRecord.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  dialog: m('services.details.dialog', 'Details of {name}'),
  close: m('services.details.close', 'Close the details'),
  loading: m('services.details.loading', 'Loading the details…'),
  failed: m('services.details.failed', 'The details could not be loaded: {error}'),
  address: m('services.details.address', 'Address'),
  postcode: m('services.details.postcode', 'Postcode'),
  hours: m('services.details.hours', 'Opening hours'),
  hoursUnknown: m('services.details.hoursUnknown', 'Not given by the source'),
  page: m('services.details.page', 'Web page'),
  source: m('services.details.source', 'Source'),
  sourceDate: m('services.details.sourceDate', 'Information of {date}, {age}.'),
  sourceDateUnread: m('services.details.sourceDateUnread', 'Information of {date}.'),
  locatedPostcode: m('services.details.locatedPostcode', 'Shown at the centre of its postcode.'),
  locatedSource: m('services.details.locatedSource', 'Shown where the source places it.'),
  near: m('services.details.near', 'Services near here'),
};

/** The zoom a service opened from the list is shown at: streets, every service on its own. */
const DETAIL_ZOOM = 15;
/** Gap between the dialog and the service's point, pixels. */
const GAP = 22;
const EDGE = 8;

/** The point's place on the map, kept up to date while the map moves (once a frame at most). */
function useProjected(map: MapLibreMap, lng: number, lat: number): { x: number; y: number } {
  const [point, setPoint] = useState(() => map.project([lng, lat]));
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPoint(map.project([lng, lat])));
    };
    update();
    map.on('move', update);
    map.on('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      map.off('move', update);
      map.off('resize', update);
    };
  }, [map, lng, lat]);
  return point;
}

/**
 * Where the dialog goes so as not to hide its service: above the point,
 * else below it, else to its right or left; always inside the map.
 */
export function placeBeside(point: { x: number; y: number }, size: { width: number; height: number }, within: { width: number; height: number }): { left: number; top: number } {
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(low, value), Math.max(low, high));
  const centredX = clamp(point.x - size.width / 2, EDGE, within.width - size.width - EDGE);
  if (point.y - GAP - size.height >= EDGE) return { left: centredX, top: point.y - GAP - size.height };
  if (point.y + GAP + size.height <= within.height - EDGE) return { left: centredX, top: point.y + GAP };
  const top = clamp(point.y - size.height / 2, EDGE, within.height - size.height - EDGE);
  if (point.x + GAP + size.width <= within.width - EDGE) return { left: point.x + GAP, top };
  if (point.x - GAP - size.width >= EDGE) return { left: point.x - GAP - size.width, top };
  return { left: centredX, top };
}

export function ServiceDetails({ map, client, service }: { map: MapLibreMap; client: DataClient; service: OpenService }) {
  const f = useFormats();
  const record = useAsync(() => loadServiceRecord(client, service), [client, service]);
  const dialog = useRef<HTMLDivElement>(null);
  const point = useProjected(map, service.lng, service.lat);
  const [size, setSize] = useState({ width: 300, height: 240 });
  const name = record.value?.name ?? service.name ?? '';

  const close = useCallback(() => {
    useOpenService.getState().closeService();
    const back = service.returnFocus?.isConnected ? service.returnFocus : map.getCanvas();
    requestAnimationFrame(() => back.focus());
  }, [map, service]);

  useEffect(() => {
    dialog.current?.focus({ preventScroll: true });
    if (service.fly) flyToPoint(service.lng, service.lat, Math.max(map.getZoom(), DETAIL_ZOOM));
  }, [map, service]);

  // Escape closes it from the dialog or the map (not from a field elsewhere on the page).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Element | null;
      if (target && target !== document.body && !target.closest('.map')) return;
      event.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && (element.offsetWidth !== size.width || element.offsetHeight !== size.height)) setSize({ width: element.offsetWidth, height: element.offsetHeight });
  });

  const container = map.getContainer();
  const { left, top } = placeBeside(point, size, { width: container.clientWidth, height: container.clientHeight });

  return (
    <div
      ref={dialog}
      className="service-details"
      role="dialog"
      aria-label={f.t(MESSAGES.dialog, { name })}
      tabIndex={-1}
      style={{ '--left': `${Math.round(left)}px`, '--top': `${Math.round(top)}px` } as React.CSSProperties}
      data-testid="service-details"
      data-service={`${service.type}:${service.id}`}
    >
      <div className="service-details__head">
        <p className="service-details__kicker">
          <ServiceSymbol type={service.type} size={16} /> {serviceTypeText(f, service.type).singular}
        </p>
        <button type="button" className="icon-button service-details__close" aria-label={f.t(MESSAGES.close)} title={f.t(MESSAGES.close)} onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 className="service-details__name">{name}</h2>
      {record.loading && <p className="note">{f.t(MESSAGES.loading)}</p>}
      {record.error && (
        <p className="service-details__error" role="alert">
          {f.t(MESSAGES.failed, { error: record.error.message })}
        </p>
      )}
      {record.value && <RecordDetails client={client} record={record.value} />}
      <button
        type="button"
        className="button service-details__near"
        onClick={() => {
          useAppStore.getState().setPlace({ kind: 'point', lng: service.lng, lat: service.lat });
          useOpenService.getState().closeService();
        }}
      >
        {f.t(MESSAGES.near)}
      </button>
    </div>
  );
}

function RecordDetails({ client, record }: { client: DataClient; record: ServiceRecord }) {
  const f = useFormats();
  const intl = useIntl();
  const index = useAsync(() => client.file<ServicesIndex>(servicesPaths.index), [client]);
  const source = index.value?.sources[record.source];
  const when = source ? sourceWhen(f, intl, source.date, new Date()) : null;
  const hours = [record.hoursText, record.openingHours].find(Boolean);
  return (
    <>
      {record.detail && <p className="service-details__detail">{record.detail}</p>}
      <dl className="service-details__facts">
        {record.address && (
          <>
            <dt>{f.t(MESSAGES.address)}</dt>
            <dd>{record.address}</dd>
          </>
        )}
        {record.postcode && (
          <>
            <dt>{f.t(MESSAGES.postcode)}</dt>
            <dd data-testid="service-postcode">{record.postcode}</dd>
          </>
        )}
        <dt>{f.t(MESSAGES.hours)}</dt>
        <dd className={hours ? undefined : 'muted'}>{hours ?? f.t(MESSAGES.hoursUnknown)}</dd>
        {record.url && (
          <>
            <dt>{f.t(MESSAGES.page)}</dt>
            <dd>
              <a href={record.url} target="_blank" rel="noopener noreferrer" className="service-details__url">
                {record.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
              </a>
            </dd>
          </>
        )}
        {source && (
          <>
            <dt>{f.t(MESSAGES.source)}</dt>
            <dd className="service-details__source">
              {source.url ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.publisher}>
                  {source.title}
                </a>
              ) : (
                <span title={source.publisher}>{source.title}</span>
              )}
              <br />
              <span data-testid="service-source-date">{when ? f.t(MESSAGES.sourceDate, when) : f.t(MESSAGES.sourceDateUnread, { date: source.date })}</span>
            </dd>
          </>
        )}
      </dl>
      <p className="service-details__located">{f.t(record.located === 'postcode' ? MESSAGES.locatedPostcode : MESSAGES.locatedSource)}</p>
    </>
  );
}
