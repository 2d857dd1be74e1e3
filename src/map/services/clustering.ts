/**
 * What the services overlay draws at a zoom: every service of the chosen
 * types, or, zoomed out, clusters of them (supercluster). One index holds all
 * the chosen types, so a place with a school, a GP practice and a library
 * close together shows one badge, not three on top of each other; each
 * cluster counts its services by type, so a badge of one type takes that
 * type's colour and the tooltip can say what a mixed one holds.
 *
 * The index is built when the chosen types change, and queried once per
 * whole zoom level over all of England: panning moves what is drawn, it
 * recomputes nothing.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../config/serviceTypes.ts';
import { haversineKm } from '../../stats/geodesy.ts';
import type { ServicePoints } from './servicePoints.ts';

/** Cluster radius, screen pixels (supercluster's pixels are those of a 512-pixel tile, as MapLibre's are). */
export const CLUSTER_RADIUS = 40;
/** From this zoom on, every service is drawn on its own (a town's streets can be told apart). */
export const UNCLUSTERED_ZOOM = 13;
/** Two services close together are drawn as two symbols, not a badge of 2 (they are spread apart when at one spot). */
export const MIN_CLUSTER = 3;

/** England and a margin, [west, south, east, north]: the extent the markers are computed over. */
const ENGLAND_EXTENT: [number, number, number, number] = [-8, 49, 3, 56.5];

export interface ServiceMarker {
  kind: 'service';
  type: ServiceTypeId;
  /** Position in the type's points. */
  index: number;
  id: string;
  name: string;
  lng: number;
  lat: number;
  /** Screen offset, pixels, that keeps services at the very same spot (one postcode) apart. */
  offset: [number, number];
}

export interface ClusterMarker {
  kind: 'cluster';
  clusterId: number;
  lng: number;
  lat: number;
  count: number;
  /** Services of each type in it, in SERVICE_TYPE_IDS order. */
  counts: number[];
  /** The one type it holds, or null when it holds several. */
  type: ServiceTypeId | null;
}

export type Marker = ServiceMarker | ClusterMarker;

interface PointProps {
  /** Index in SERVICE_TYPE_IDS. */
  t: number;
  /** Index in that type's points. */
  i: number;
}
/** Services of each type in a cluster (plain numbers: supercluster copies cluster properties shallowly). */
type ClusterProps = Record<ServiceTypeId, number>;

export interface ServiceIndex {
  points: Map<ServiceTypeId, ServicePoints>;
  clusters: Supercluster<PointProps, ClusterProps>;
  /** The markers of each zoom level asked for so far: zooming back and forth computes nothing again. */
  markers: Map<number, Marker[]>;
}

export function buildServiceIndex(sets: readonly ServicePoints[]): ServiceIndex {
  const features: PointFeature<PointProps>[] = [];
  for (const set of sets) {
    const t = SERVICE_TYPE_IDS.indexOf(set.type);
    for (let i = 0; i < set.ids.length; i++) {
      features.push({ type: 'Feature', properties: { t, i }, geometry: { type: 'Point', coordinates: [set.coords[2 * i], set.coords[2 * i + 1]] } });
    }
  }
  const clusters = new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS,
    minPoints: MIN_CLUSTER,
    maxZoom: UNCLUSTERED_ZOOM - 1,
    map: (props) => {
      const counts = Object.fromEntries(SERVICE_TYPE_IDS.map((id) => [id, 0])) as ClusterProps;
      counts[SERVICE_TYPE_IDS[props.t]] = 1;
      return counts;
    },
    reduce: (into, props) => {
      for (const id of SERVICE_TYPE_IDS) into[id] += props[id];
    },
  });
  clusters.load(features);
  return { points: new Map(sets.map((set) => [set.type, set])), clusters, markers: new Map() };
}

/**
 * The markers at a zoom (its whole level: 6.8 draws as 6; every level from
 * UNCLUSTERED_ZOOM on draws the same), services at one spot spread apart.
 */
export function markersAt(index: ServiceIndex, zoom: number): Marker[] {
  const level = Math.min(UNCLUSTERED_ZOOM, Math.max(0, Math.floor(zoom)));
  let markers = index.markers.get(level);
  if (!markers) index.markers.set(level, (markers = computeMarkers(index, level)));
  return markers;
}

function computeMarkers(index: ServiceIndex, level: number): Marker[] {
  const markers: Marker[] = index.clusters.getClusters(ENGLAND_EXTENT, level).map((feature): Marker => {
    const props = feature.properties as Partial<ClusterProperties> & Partial<PointProps> & Partial<ClusterProps>;
    if (props.cluster) {
      const [lng, lat] = feature.geometry.coordinates;
      const counts = SERVICE_TYPE_IDS.map((id) => props[id]!);
      const types = SERVICE_TYPE_IDS.filter((_, k) => counts[k] > 0);
      return { kind: 'cluster', clusterId: props.cluster_id!, lng, lat, count: props.point_count!, counts, type: types.length === 1 ? types[0] : null };
    }
    const type = SERVICE_TYPE_IDS[props.t!];
    const set = index.points.get(type)!;
    const i = props.i!;
    return { kind: 'service', type, index: i, id: set.ids[i], name: set.names[i], lng: set.coords[2 * i], lat: set.coords[2 * i + 1], offset: [0, 0] };
  });
  spreadColocated(markers.filter((marker): marker is ServiceMarker => marker.kind === 'service'));
  return markers;
}

/** Pixels between the centre of a spot and the services spread around it. */
export const SPREAD_RADIUS = 11;

/**
 * Services placed at the very same coordinates (those placed by postcode share
 * its centroid: a health centre's practices, a school and its library) would
 * be drawn one over the other, and only the top one could be hovered. They
 * are spread on a small circle around the spot, in a fixed order.
 */
export function spreadColocated(markers: ServiceMarker[]): void {
  const bySpot = new Map<string, ServiceMarker[]>();
  for (const marker of markers) {
    const key = `${marker.lng},${marker.lat}`;
    const spot = bySpot.get(key);
    if (spot) spot.push(marker);
    else bySpot.set(key, [marker]);
  }
  for (const spot of bySpot.values()) {
    if (spot.length < 2) continue;
    spot.sort((a, b) => SERVICE_TYPE_IDS.indexOf(a.type) - SERVICE_TYPE_IDS.indexOf(b.type) || a.id.localeCompare(b.id));
    // Rings wide enough that neighbours do not touch: about 20 px of circumference for each.
    const radius = Math.max(SPREAD_RADIUS, (spot.length * 20) / (2 * Math.PI));
    spot.forEach((marker, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / spot.length;
      marker.offset = [Math.round(radius * Math.cos(angle) * 10) / 10, Math.round(radius * Math.sin(angle) * 10) / 10];
    });
  }
}

/** The zoom at which a cluster falls apart, capped where every service is drawn on its own. */
export function expansionZoom(index: ServiceIndex, clusterId: number): number {
  return Math.min(index.clusters.getClusterExpansionZoom(clusterId), UNCLUSTERED_ZOOM);
}

/** A cluster badge's radius in pixels: larger for more services, within reason. */
export function badgeRadius(count: number): number {
  return Math.min(24, 12 + 3.5 * Math.log10(Math.max(1, count)));
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** How many services of the given types are inside the bounds. */
export function countInView(sets: readonly ServicePoints[], bounds: Bounds): number {
  let count = 0;
  for (const set of sets) {
    const { coords } = set;
    for (let i = 0; i < coords.length; i += 2) {
      if (coords[i] >= bounds.west && coords[i] <= bounds.east && coords[i + 1] >= bounds.south && coords[i + 1] <= bounds.north) count++;
    }
  }
  return count;
}

export interface ServiceInView {
  type: ServiceTypeId;
  index: number;
  id: string;
  name: string;
  lng: number;
  lat: number;
  /** From the map's centre, km. */
  km: number;
}

/**
 * The services of the given types inside the bounds, nearest the centre
 * first (the keyboard's way to the services on the map), up to `limit`, with
 * how many there are in all.
 */
export function servicesInView(
  sets: readonly ServicePoints[],
  bounds: Bounds,
  centre: { lng: number; lat: number },
  limit: number,
): { total: number; nearest: ServiceInView[] } {
  const found: ServiceInView[] = [];
  for (const set of sets) {
    for (let i = 0; i < set.ids.length; i++) {
      const lng = set.coords[2 * i];
      const lat = set.coords[2 * i + 1];
      if (lng < bounds.west || lng > bounds.east || lat < bounds.south || lat > bounds.north) continue;
      found.push({ type: set.type, index: i, id: set.ids[i], name: set.names[i], lng, lat, km: haversineKm(centre.lng, centre.lat, lng, lat) });
    }
  }
  found.sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));
  return { total: found.length, nearest: found.slice(0, limit) };
}
