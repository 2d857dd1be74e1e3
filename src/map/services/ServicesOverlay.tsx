/**
 * The chosen service types on the map (an overlay of ../overlays/, mounted
 * while at least one type is chosen): each service as its type's symbol
 * (iconAtlas.ts), clustered when zoomed out (clustering.ts) into badges that
 * count them (in the type's colour, with its symbol, when a badge holds one
 * type; dark when it mixes types). Hovering shows a service's name, type and
 * kind; a click opens its details (ServiceDetails.tsx); a click on a badge
 * zooms in until it falls apart.
 *
 * Each type's points are fetched once; the clusters are worked out again only
 * when the chosen types or the whole zoom level change, never while panning.
 * While services are shown, their sources' credit joins the map's
 * attribution line.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useIntl } from 'react-intl';
import { IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { serviceType } from '../../config/catalogue/services.ts';
import type { Msg } from '../../config/catalogue/types.ts';
import { parseRgb, textColourOn, type Rgb } from '../../config/palette.ts';
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import { useFormats } from '../../i18n/useText.ts';
import { serviceTypeText } from '../../ui/services/serviceTypeText.ts';
import { useAppStore } from '../../state/store.ts';
import { LABEL_FONT_FAMILY } from '../layers.ts';
import type { OverlayProps } from '../overlays/types.ts';
import { activeSelectionTool } from '../selection/toolState.ts';
import { badgeRadius, buildServiceIndex, expansionZoom, markersAt, type ClusterMarker, type Marker, type ServiceMarker } from './clustering.ts';
import { drawIconAtlas, RING } from './iconAtlas.ts';
import { useOpenService } from './openService.ts';
import { ServiceDetails } from './ServiceDetails.tsx';
import { loadServicePoints, type ServicePoints } from './servicePoints.ts';
import { ServiceTooltip, type ServiceHover } from './ServiceTooltip.tsx';
import './services.css';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  loadFailed: m('services.map.loadFailed', 'The {type} could not be drawn on the map: {error}'),
  credit: m('services.map.credit', 'Services: {credits}'),
};

/** The badge of a cluster that mixes types: dark slate, white count (contrast 12:1). */
const MIXED_BADGE: Rgb = [43, 56, 71];
const BADGE_EDGE: [number, number, number, number] = [255, 255, 255, 255];
/** Icon size in pixels: larger once a street can be told apart. */
const iconSize = (zoom: number) => (zoom >= 15 ? 24 : 20);

const typeRgb = new Map<ServiceTypeId, Rgb>();
function colourOf(type: ServiceTypeId | null): Rgb {
  if (!type) return MIXED_BADGE;
  let rgb = typeRgb.get(type);
  if (!rgb) typeRgb.set(type, (rgb = parseRgb(serviceType(type).colour)));
  return rgb;
}
const countColour = (cluster: ClusterMarker): [number, number, number] => (textColourOn(colourOf(cluster.type)) === '#000000' ? [0, 0, 0] : [255, 255, 255]);

let atlas: ReturnType<typeof drawIconAtlas> | undefined;

/** The points of each chosen type, as they arrive (a type that fails to load is said once and left out). */
function useChosenPoints(client: OverlayProps['client'], types: readonly ServiceTypeId[]): ServicePoints[] {
  const f = useFormats();
  const [loaded, setLoaded] = useState<ReadonlyMap<ServiceTypeId, ServicePoints>>(new Map());
  useEffect(() => {
    let current = true;
    for (const type of types) {
      if (loaded.has(type)) continue;
      loadServicePoints(client, type).then(
        (points) => current && setLoaded((before) => new Map(before).set(type, points)),
        (error: Error) => current && useAppStore.getState().notify({ msg: MESSAGES.loadFailed, values: { type: serviceTypeText(f, type).label.toLowerCase(), error: error.message } }, 'error'),
      );
    }
    return () => {
      current = false;
    };
    // `loaded` is read, not watched: a type that arrives needs no new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, types, f]);
  return useMemo(() => types.flatMap((type) => loaded.get(type) ?? []), [types, loaded]);
}

export default function ServicesOverlay({ map, client, zoom, report }: OverlayProps) {
  const intl = useIntl();
  const f = useFormats();
  const types = useAppStore((s) => s.services);
  const sets = useChosenPoints(client, types);
  const index = useMemo(() => (sets.length > 0 ? buildServiceIndex(sets) : null), [sets]);
  const level = Math.floor(zoom);
  const markers = useMemo(() => (index ? markersAt(index, level) : []), [index, level]);
  const [hover, setHover] = useState<ServiceHover | null>(null);
  const open = useOpenService((s) => s.open);
  const openService = useOpenService((s) => s.openService);

  // Handlers read the latest index through a ref, so the layers need not change when it does.
  const indexRef = useRef(index);
  indexRef.current = index;

  const layers = useMemo((): Layer[] => {
    atlas ??= drawIconAtlas();
    const services = markers.filter((marker): marker is ServiceMarker => marker.kind === 'service');
    const clusters = markers.filter((marker): marker is ClusterMarker => marker.kind === 'cluster');
    const onHover = (info: PickingInfo<Marker>) => setHover(info.object ? { marker: info.object, x: info.x, y: info.y } : null);
    const onServiceClick = (info: PickingInfo<ServiceMarker>) => {
      // A tool in use (choosing a place) takes the click on the map instead.
      if (!info.object || activeSelectionTool()) return false;
      const { type, id, lng, lat, name } = info.object;
      setHover(null);
      openService({ type, id, lng, lat, name });
      return true;
    };
    const onClusterClick = (info: PickingInfo<ClusterMarker>) => {
      const current = indexRef.current;
      if (!info.object || !current || activeSelectionTool()) return false;
      const target = Math.max(expansionZoom(current, info.object.clusterId), map.getZoom() + 1);
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      setHover(null);
      map.easeTo({ center: [info.object.lng, info.object.lat], zoom: target, duration: reduced ? 0 : 500 });
      return true;
    };
    // The open service, where it is drawn (spread from others at its spot), or at its point.
    const openMarker = open && (services.find((service) => service.type === open.type && service.id === open.id) ?? { lng: open.lng, lat: open.lat, offset: [0, 0] as [number, number] });
    return [
      new IconLayer<ServiceMarker>({
        id: 'services-icons',
        data: services,
        iconAtlas: atlas.url,
        iconMapping: atlas.layout.mapping,
        getIcon: (service) => service.type,
        getPosition: (service) => [service.lng, service.lat],
        getPixelOffset: (service) => service.offset,
        getSize: iconSize(level),
        sizeUnits: 'pixels',
        pickable: true,
        onHover,
        onClick: onServiceClick,
      }),
      new IconLayer<Pick<ServiceMarker, 'lng' | 'lat' | 'offset'>>({
        id: 'services-open',
        data: openMarker ? [openMarker] : [],
        iconAtlas: atlas.url,
        iconMapping: atlas.layout.mapping,
        getIcon: () => RING,
        getPosition: (service) => [service.lng, service.lat],
        getPixelOffset: (service) => service.offset,
        getSize: iconSize(level) + 16,
        sizeUnits: 'pixels',
        pickable: false,
      }),
      new ScatterplotLayer<ClusterMarker>({
        id: 'services-clusters',
        data: clusters,
        getPosition: (cluster) => [cluster.lng, cluster.lat],
        getRadius: (cluster) => badgeRadius(cluster.count),
        radiusUnits: 'pixels',
        getFillColor: (cluster) => colourOf(cluster.type),
        stroked: true,
        getLineColor: BADGE_EDGE,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        pickable: true,
        onHover,
        onClick: onClusterClick,
      }),
      // A badge of one type carries that type's symbol too, for readers who cannot tell the colours apart.
      new IconLayer<ClusterMarker>({
        id: 'services-cluster-symbols',
        data: clusters.filter((cluster) => cluster.type !== null),
        iconAtlas: atlas.url,
        iconMapping: atlas.layout.mapping,
        getIcon: (cluster) => cluster.type!,
        getPosition: (cluster) => [cluster.lng, cluster.lat],
        getPixelOffset: (cluster) => {
          const r = badgeRadius(cluster.count) * 0.8;
          return [r, -r];
        },
        getSize: 14,
        sizeUnits: 'pixels',
        pickable: false,
      }),
      new TextLayer<ClusterMarker>({
        id: 'services-cluster-counts',
        data: clusters,
        getPosition: (cluster) => [cluster.lng, cluster.lat],
        getText: (cluster) => intl.formatNumber(cluster.count, { notation: 'compact', maximumFractionDigits: 1 }),
        getSize: 12,
        sizeUnits: 'pixels',
        getColor: countColour,
        fontFamily: LABEL_FONT_FAMILY,
        fontWeight: 700,
        characterSet: 'auto',
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        pickable: false,
      }),
    ];
  }, [markers, level, open, openService, map, intl]);

  useEffect(() => report(layers), [layers, report]);
  useEffect(() => () => report([]), [report]);

  // A hover card left over from before the markers changed would name a service no longer drawn there.
  useEffect(() => setHover(null), [markers]);
  // Details of a service whose type is no longer shown close.
  useEffect(() => {
    if (open && !types.includes(open.type)) useOpenService.getState().closeService();
  }, [open, types]);

  const attribution = map.getContainer().closest('.map')?.querySelector('.attribution');
  const credits = [...new Set(types.map((type) => serviceTypeText(f, type).credit))].join(', ');
  return (
    <>
      {hover && <ServiceTooltip client={client} hover={hover} container={map.getContainer()} />}
      {open && <ServiceDetails key={`${open.type}:${open.id}`} map={map} client={client} service={open} />}
      {attribution &&
        createPortal(
          <span className="services-credit" data-testid="services-credit">
            {' · '}
            {f.t(MESSAGES.credit, { credits })}
          </span>,
          attribution,
        )}
    </>
  );
}
