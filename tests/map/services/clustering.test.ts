/**
 * The services overlay's markers: points decoded from their files (and
 * refused when the file does not hold together), clusters that account for
 * every service by type at every zoom, services at one spot spread apart,
 * and the keyboard's list of services in view, nearest the centre first
 * (checked against distances worked out here).
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPE_IDS } from '../../../src/config/serviceTypes.ts';
import { badgeRadius, buildServiceIndex, countInView, expansionZoom, markersAt, servicesInView, spreadColocated, SPREAD_RADIUS, UNCLUSTERED_ZOOM, type ClusterMarker, type ServiceMarker } from '../../../src/map/services/clustering.ts';
import { decodeServicePoints, loadServicePoints } from '../../../src/map/services/servicePoints.ts';
import { fakeDataClient } from '../../data/fakeClient.ts';
import { pointsFile, scatter } from './fixtures.ts';

const BIRMINGHAM: [number, number] = [-1.8904, 52.4862];
const LEEDS: [number, number] = [-1.5491, 53.8008];

describe('decodeServicePoints', () => {
  it('undoes the delta encoding, to 5 decimals', () => {
    const file = pointsFile('library', [
      { id: 'a', name: 'Library of Birmingham', lng: -1.90863, lat: 52.47972 },
      { id: 'b', name: 'Selly Oak Library', lng: -1.93811, lat: 52.44161 },
    ]);
    expect(file.lng).toEqual([-190863, -2948]);
    const points = decodeServicePoints(file, 'library');
    expect(points.ids).toEqual(['a', 'b']);
    expect(Array.from(points.coords)).toEqual([-1.90863, 52.47972, -1.93811, 52.44161]);
  });

  it('refuses a file of another type, columns of different lengths, or a point outside England, naming the file', () => {
    const good = pointsFile('school', scatter('s', 3, BIRMINGHAM, 0.1));
    expect(() => decodeServicePoints(good, 'library')).toThrow('services/points/library.json: holds "school", not "library"');
    expect(() => decodeServicePoints({ ...good, name: good.name.slice(1) }, 'school')).toThrow('services/points/school.json: 3 ids but 2 name values');
    expect(() => decodeServicePoints({ ...good, lat: good.lat.slice(0, 2) }, 'school')).toThrow('3 ids but 2 lat values');
    const lost = pointsFile('school', [{ id: 'x', name: 'Lost', lng: 40.1, lat: -3.2 }]);
    expect(() => decodeServicePoints(lost, 'school')).toThrow('record 0 (x) is at 40.1, -3.2, outside England');
  });

  it('fetches and decodes each type once for every caller, and forgets a failure', async () => {
    let failNext = true;
    const { client, calls } = fakeDataClient({
      file: (async () => {
        if (failNext) {
          failNext = false;
          throw new Error('offline');
        }
        return pointsFile('foodbank', scatter('f', 2, LEEDS, 0.1));
      }) as never,
    });
    await expect(loadServicePoints(client, 'foodbank')).rejects.toThrow('offline');
    const [first, second] = await Promise.all([loadServicePoints(client, 'foodbank'), loadServicePoints(client, 'foodbank')]);
    expect(first).toBe(second);
    expect(calls).toEqual(['file services/points/foodbank.json', 'file services/points/foodbank.json']);
  });
});

describe('markers', () => {
  const schools = decodeServicePoints(pointsFile('school', [...scatter('s', 400, BIRMINGHAM, 0.3), ...scatter('t', 150, LEEDS, 0.2, 7)]), 'school');
  const libraries = decodeServicePoints(pointsFile('library', scatter('l', 60, BIRMINGHAM, 0.3, 3)), 'library');
  const foodbanks = decodeServicePoints(pointsFile('foodbank', scatter('f', 12, LEEDS, 0.05, 5)), 'foodbank');
  const index = buildServiceIndex([schools, libraries, foodbanks]);
  const totals = { school: 550, library: 60, foodbank: 12 };

  /** Services of each type that the markers stand for: clusters by their counts, services one each. */
  const accounted = (zoom: number) => {
    const counts = Object.fromEntries(SERVICE_TYPE_IDS.map((id) => [id, 0]));
    for (const marker of markersAt(index, zoom)) {
      if (marker.kind === 'service') counts[marker.type]++;
      else SERVICE_TYPE_IDS.forEach((id, k) => (counts[id] += marker.counts[k]));
    }
    return counts;
  };

  it('account for every service of every type at every zoom', () => {
    for (const zoom of [4, 5.5, 8, 10, 12, 13.9, 14, 17]) {
      expect(accounted(zoom), `zoom ${zoom}`).toEqual({ ...totals, gp_practice: 0, warm_space: 0 });
    }
  });

  it('are clusters when zoomed out and every service on its own at street level', () => {
    const out = markersAt(index, 6);
    expect(out.length).toBeLessThan(20);
    expect(out.some((marker) => marker.kind === 'cluster' && marker.count > 100)).toBe(true);
    const street = markersAt(index, UNCLUSTERED_ZOOM);
    expect(street).toHaveLength(622);
    expect(street.every((marker) => marker.kind === 'service')).toBe(true);
    const ids = new Set(street.map((marker) => `${(marker as ServiceMarker).type}:${(marker as ServiceMarker).id}`));
    expect(ids.size).toBe(622);
    // A marker carries its name and place from the file.
    const school = street.find((marker) => marker.kind === 'service' && marker.id === 's7') as ServiceMarker;
    expect(school.name).toBe('s 7');
    expect([school.lng, school.lat]).toEqual([schools.coords[14], schools.coords[15]]);
  });

  it('are the same for any zoom within a whole level, and for every level from the street on, computed once', () => {
    expect(markersAt(index, 7.9)).toBe(markersAt(index, 7));
    expect(markersAt(index, 18)).toBe(markersAt(index, UNCLUSTERED_ZOOM));
    expect(markersAt(index, 6)).not.toBe(markersAt(index, 7));
  });

  it('give a cluster of one type that type, and a mixed one none', () => {
    const clusters = markersAt(index, 5).filter((marker): marker is ClusterMarker => marker.kind === 'cluster');
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      const present = SERVICE_TYPE_IDS.filter((_, k) => cluster.counts[k] > 0);
      expect(cluster.type).toBe(present.length === 1 ? present[0] : null);
      expect(cluster.counts.reduce((a, b) => a + b, 0)).toBe(cluster.count);
    }
    // Birmingham's cluster mixes schools and libraries; Leeds's schools and food banks.
    expect(clusters.some((cluster) => cluster.type === null)).toBe(true);
    const foodOnly = buildServiceIndex([foodbanks]);
    const foodClusters = markersAt(foodOnly, 5).filter((marker) => marker.kind === 'cluster');
    expect(foodClusters.map((cluster) => (cluster as ClusterMarker).type)).toEqual(['foodbank']);
  });

  it('draw two services close together as two symbols, three or more as a badge', () => {
    const pair = decodeServicePoints(pointsFile('library', scatter('p', 2, LEEDS, 0.001)), 'library');
    expect(markersAt(buildServiceIndex([pair]), 5).map((marker) => marker.kind)).toEqual(['service', 'service']);
    const three = decodeServicePoints(pointsFile('library', scatter('p', 3, LEEDS, 0.001)), 'library');
    expect(markersAt(buildServiceIndex([three]), 5)).toMatchObject([{ kind: 'cluster', count: 3, type: 'library' }]);
  });

  it('split a cluster at its expansion zoom', () => {
    const cluster = markersAt(index, 6).find((marker): marker is ClusterMarker => marker.kind === 'cluster')!;
    const zoom = expansionZoom(index, cluster.clusterId);
    expect(zoom).toBeGreaterThan(6);
    expect(zoom).toBeLessThanOrEqual(UNCLUSTERED_ZOOM);
    expect(markersAt(index, zoom).some((marker) => marker.kind === 'cluster' && marker.clusterId === cluster.clusterId)).toBe(false);
  });
});

describe('spreadColocated', () => {
  const marker = (id: string, type: ServiceMarker['type'], lng: number, lat: number): ServiceMarker => ({ kind: 'service', type, index: 0, id, name: id, lng, lat, offset: [0, 0] });

  it('spreads services at one spot on a circle, in a fixed order, and leaves the rest alone', () => {
    const markers = [marker('b', 'gp_practice', -1.5, 53.8), marker('a', 'gp_practice', -1.5, 53.8), marker('lib', 'library', -1.5, 53.8), marker('alone', 'school', -1.6, 53.8)];
    spreadColocated(markers);
    const [b, a, lib, alone] = markers;
    expect(alone.offset).toEqual([0, 0]);
    // Library first (SERVICE_TYPE_IDS order), then the practices by id: at the top, then round.
    expect(lib.offset).toEqual([0, -SPREAD_RADIUS]);
    for (const m of [a, b, lib]) expect(Math.hypot(...m.offset)).toBeCloseTo(SPREAD_RADIUS, 0);
    expect(a.offset[0]).toBeGreaterThan(0);
    expect(b.offset[0]).toBeLessThan(0);
  });

  it('widens the circle so that many services at one spot stay apart', () => {
    const many = Array.from({ length: 12 }, (_, i) => marker(`m${String(i).padStart(2, '0')}`, 'warm_space', 0, 52));
    spreadColocated(many);
    for (let i = 0; i < many.length; i++) {
      const next = many[(i + 1) % many.length];
      expect(Math.hypot(many[i].offset[0] - next.offset[0], many[i].offset[1] - next.offset[1])).toBeGreaterThan(18);
    }
  });
});

describe('servicesInView', () => {
  const schools = decodeServicePoints(pointsFile('school', scatter('s', 300, BIRMINGHAM, 0.4)), 'school');
  const libraries = decodeServicePoints(pointsFile('library', scatter('l', 40, BIRMINGHAM, 0.4, 9)), 'library');
  const bounds = { west: -1.95, south: 52.45, east: -1.83, north: 52.52 };
  const centre = { lng: -1.89, lat: 52.485 };

  /** Great-circle distance, written out here rather than taken from the app. */
  const km = (lng: number, lat: number) => {
    const r = Math.PI / 180;
    const h = Math.sin(((lat - centre.lat) * r) / 2) ** 2 + Math.cos(lat * r) * Math.cos(centre.lat * r) * Math.sin(((lng - centre.lng) * r) / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  };

  it('lists the services inside the bounds, nearest the centre first, as brute force does', () => {
    const inside = [schools, libraries].flatMap((set) =>
      set.ids.flatMap((id, i) => {
        const [lng, lat] = [set.coords[2 * i], set.coords[2 * i + 1]];
        return lng >= bounds.west && lng <= bounds.east && lat >= bounds.south && lat <= bounds.north ? [{ key: `${set.type}:${id}`, d: km(lng, lat) }] : [];
      }),
    );
    inside.sort((a, b) => a.d - b.d);
    const { total, nearest } = servicesInView([schools, libraries], bounds, centre, 10);
    expect(total).toBe(inside.length);
    expect(total).toBeGreaterThan(10);
    expect(countInView([schools, libraries], bounds)).toBe(inside.length);
    expect(nearest.map((s) => `${s.type}:${s.id}`)).toEqual(inside.slice(0, 10).map((s) => s.key));
    nearest.forEach((s, i) => expect(s.km).toBeCloseTo(inside[i].d, 9));
  });

  it('finds none outside every point', () => {
    expect(servicesInView([schools], { west: 0, south: 51, east: 0.1, north: 51.1 }, { lng: 0.05, lat: 51.05 }, 10)).toEqual({ total: 0, nearest: [] });
  });
});

describe('badgeRadius', () => {
  it('grows with the count, within bounds', () => {
    expect(badgeRadius(2)).toBeGreaterThanOrEqual(12);
    expect(badgeRadius(200)).toBeGreaterThan(badgeRadius(20));
    expect(badgeRadius(1e7)).toBe(24);
  });
});
