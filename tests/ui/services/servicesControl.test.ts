// @vitest-environment jsdom
/**
 * The sidebar's services section, rendered in a DOM with a fake data client
 * and a fake map: the toggles set the chosen types in the store, each with
 * its count from services/index.json; a build without services says so and
 * fetches nothing; "Use my location" says plainly why it could not (refused,
 * unavailable, too slow, outside England) and otherwise sets the place;
 * "Choose a place on the map" takes the next map click (or the centre), and
 * Escape cancels; the list of services in view opens a service's details.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataClient } from '../../../src/data/client.ts';
import type { Manifest } from '../../../src/data/schema.ts';
import type { ServicesIndex } from '../../../src/data/servicesSchema.ts';
import { SERVICE_CELL_GRID } from '../../../src/data/servicesSchema.ts';
import { I18nProvider } from '../../../src/i18n/I18nProvider.tsx';
import { useOpenService } from '../../../src/map/services/openService.ts';
import { activeSelectionTool, setActiveSelectionTool } from '../../../src/map/selection/toolState.ts';
import { atlasStatus } from '../../../src/map/status.ts';
import { useAppStore } from '../../../src/state/store.ts';
import ServicesControl from '../../../src/ui/services/ServicesControl.tsx';
import { fakeDataClient } from '../../data/fakeClient.ts';
import { pointsFile } from '../../map/services/fixtures.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ENGLAND: Manifest['bounds'] = [-6.42, 49.86, 1.77, 55.81];

const manifest = (files: string[]) => ({ bounds: ENGLAND, files: Object.fromEntries(files.map((file) => [file, 100])) }) as unknown as Manifest;

const INDEX: ServicesIndex = {
  built: '2026-12-02',
  grid: SERVICE_CELL_GRID,
  cells: ['29-32'],
  types: {
    library: { count: 3012, sources: ['libraries_ace'] },
    gp_practice: { count: 6248, sources: ['epraccur'] },
    school: { count: 20110, sources: ['ks4'] },
    warm_space: { count: 0, sources: [] },
    foodbank: { count: 727, sources: ['givefood'] },
  },
  sources: {
    libraries_ace: { id: 'libraries_ace', title: 'Public libraries basic dataset', publisher: 'Arts Council England', date: '2023', dateNote: 'year', licence: 'OGL v3.0', attribution: 'Contains public sector information.' },
    epraccur: { id: 'epraccur', title: 'epraccur', publisher: 'NHS England', date: '2025-04-23', dateNote: 'latest change', url: 'https://digital.nhs.uk/', licence: 'OGL v3.0', attribution: 'Source: NHS England Organisation Data Service.' },
    ks4: { id: 'ks4', title: 'KS4 performance tables', publisher: 'Department for Education', date: '2019', dateNote: 'year', licence: 'OGL v3.0', attribution: 'Source: DfE.' },
    givefood: { id: 'givefood', title: 'Give Food', publisher: 'Give Food', date: '2024-04', dateNote: 'spring 2024', licence: 'attribution', attribution: 'Data from Give Food.' },
  },
  geocoding: [],
};

const GP_POINTS = pointsFile('gp_practice', [
  { id: 'M85001', name: 'Near Practice', lng: -1.9, lat: 52.48 },
  { id: 'M85002', name: 'Far Practice', lng: -1.8, lat: 52.46 },
  { id: 'M85003', name: 'Out Of View Practice', lng: -1.2, lat: 52.9 },
]);

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  useAppStore.setState({ services: [], place: null });
  useOpenService.setState({ open: null });
  setActiveSelectionTool(null);
  atlasStatus.map = null;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  document.body.innerHTML = '';
});

async function render(client: DataClient, built: Manifest) {
  await act(async () => root.render(createElement(I18nProvider, null, createElement(ServicesControl, { client, manifest: built }))));
  // Let the index (and any points) arrive.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const checkbox = (type: string) => container.querySelector<HTMLInputElement>(`input[type=checkbox][value=${type}]`)!;
const buttonNamed = (text: string) => [...document.querySelectorAll('button')].find((button) => button.textContent?.includes(text))!;
const status = () => container.querySelector('[data-testid=services-status]')!.textContent;
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

function servicesClient(extra: Record<string, unknown> = {}) {
  return fakeDataClient({
    file: (async (path: string) => {
      if (path === 'services/index.json') return INDEX;
      if (path in extra) return extra[path];
      throw new Error(`no ${path}`);
    }) as DataClient['file'],
  });
}

describe('a build without services', () => {
  it('says so plainly, offers no toggles and fetches nothing', async () => {
    const { client, calls } = fakeDataClient({});
    await render(client, manifest(['manifest.json']));
    expect(container.textContent).toContain('Services are not in this build of the data');
    expect(container.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
    expect(calls).toEqual([]);
  });
});

describe('the toggles', () => {
  it('show each type with its symbol and its count in England, or none', async () => {
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    const gp = checkbox('gp_practice').closest('label')!;
    expect(gp.textContent).toContain('GP practices');
    expect(gp.textContent).toContain('6,248 in England');
    expect(gp.querySelector('.visually-hidden')!.textContent).toBe(' in England');
    expect(gp.querySelector('svg[data-shape=cross]')).not.toBeNull();
    expect(checkbox('school').closest('label')!.textContent).toContain('20,110 in England');
    expect(checkbox('warm_space').closest('label')!.textContent).toContain('none in this build');
  });

  it('set the chosen types in the store, in the catalogue’s order, and reflect it', async () => {
    const { client } = servicesClient({ 'services/points/school.json': pointsFile('school', []), 'services/points/library.json': pointsFile('library', []) });
    await render(client, manifest(['services/index.json']));
    await act(async () => checkbox('school').click());
    await act(async () => checkbox('library').click());
    expect(useAppStore.getState().services).toEqual(['library', 'school']);
    expect(checkbox('library').checked).toBe(true);
    await act(async () => checkbox('school').click());
    expect(useAppStore.getState().services).toEqual(['library']);
    expect(checkbox('school').checked).toBe(false);
    // A link that chose types shows them ticked.
    await act(async () => useAppStore.getState().setServices(['foodbank', 'gp_practice']));
    expect([...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value)).toEqual(['gp_practice', 'foodbank']);
  });

  it('say where the services come from, when, and under what licence', async () => {
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    const sources = container.querySelector('details')!;
    expect(sources.textContent).toContain('epraccur (NHS England), 23 April 2025');
    expect(sources.textContent).toContain('Licence: OGL v3.0.');
    expect(sources.textContent).toContain('Give Food (Give Food), April 2024');
    expect(sources.querySelector('a[href="https://digital.nhs.uk/"]')).not.toBeNull();
  });

  it('say so when the index cannot be loaded', async () => {
    const { client } = fakeDataClient({ file: (async () => Promise.reject(new Error('HTTP 500'))) as DataClient['file'] });
    await render(client, manifest(['services/index.json']));
    expect(container.querySelector('[role=alert]')!.textContent).toBe('The list of services could not be loaded: HTTP 500');
  });
});

/** A geolocation that answers as told. */
function fakeGeolocation(answer: { lng: number; lat: number } | { code: 1 | 2 | 3 }): Geolocation {
  return {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      setTimeout(() => {
        if ('code' in answer) failure?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
        else success({ coords: { longitude: answer.lng, latitude: answer.lat } } as GeolocationPosition);
      }, 0);
    },
  } as Geolocation;
}

describe('"Use my location"', () => {
  const withGeolocation = (geolocation: Geolocation | undefined) => Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });

  it('does not ask for the location until pressed, then sets the place', async () => {
    let asked = 0;
    const geo = fakeGeolocation({ lng: -1.9, lat: 52.48 });
    withGeolocation({ getCurrentPosition: (...args: Parameters<Geolocation['getCurrentPosition']>) => (asked++, geo.getCurrentPosition(...args)) } as Geolocation);
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    expect(asked).toBe(0);
    await act(async () => buttonNamed('Use my location').click());
    await settle();
    expect(asked).toBe(1);
    expect(useAppStore.getState().place).toEqual({ kind: 'point', lng: -1.9, lat: 52.48 });
    expect(status()).toBe('Services near your location are listed in the panel.');
  });

  it.each([
    [1, 'Your browser did not share your location'],
    [2, 'Your device could not tell where it is just now'],
    [3, 'Finding your location took too long'],
  ] as const)('says why when the browser answers with error %i', async (code, text) => {
    withGeolocation(fakeGeolocation({ code }));
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    await act(async () => buttonNamed('Use my location').click());
    await settle();
    expect(status()).toContain(text);
    expect(useAppStore.getState().place).toBeNull();
  });

  it('says when the browser has no geolocation', async () => {
    withGeolocation(undefined);
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    await act(async () => buttonNamed('Use my location').click());
    await settle();
    expect(status()).toContain('This browser cannot share your location');
  });

  it('refuses a position outside England’s bounds, and one with no English postcode near', async () => {
    withGeolocation(fakeGeolocation({ lng: 2.35, lat: 48.86 }));
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    await act(async () => buttonNamed('Use my location').click());
    await settle();
    expect(status()).toBe('Your location (48.860, 2.350) is not in England, and this map covers England only. Choose a place on the map or type an English postcode.');
    expect(useAppStore.getState().place).toBeNull();

    // Cardiff is inside England's box; the postcode index has nothing within 2 km of it.
    withGeolocation(fakeGeolocation({ lng: -3.18, lat: 51.48 }));
    const postcodes = { outward: ['BS1'], count: [1], bounds: [-2.6, 51.44, -2.58, 51.46], sectors: {}, total: 1 };
    const { client: withPostcodes } = servicesClient({ 'postcodes/index.json': postcodes });
    await render(withPostcodes, manifest(['services/index.json', 'postcodes/index.json']));
    await act(async () => buttonNamed('Use my location').click());
    await settle();
    expect(status()).toContain('Your location (51.480, -3.180) is not in England');
    expect(useAppStore.getState().place).toBeNull();
  });
});

/** A map that records its handlers, inside a `.map` element as in the app. */
function fakeMap(centre = { lng: -1.9, lat: 52.48 }, bounds = { west: -1.95, south: 52.45, east: -1.75, north: 52.52 }) {
  const host = document.createElement('div');
  host.className = 'map';
  const inner = document.createElement('div');
  host.append(inner);
  document.body.append(host);
  const handlers = new Map<string, ((event: unknown) => void)[]>();
  const map = {
    getContainer: () => inner,
    getCanvas: () => inner,
    getCenter: () => centre,
    getBounds: () => ({ getWest: () => bounds.west, getSouth: () => bounds.south, getEast: () => bounds.east, getNorth: () => bounds.north }),
    on: (name: string, handler: (event: unknown) => void) => handlers.set(name, [...(handlers.get(name) ?? []), handler]),
    once: (name: string, handler: (event: unknown) => void) => handlers.set(name, [...(handlers.get(name) ?? []), handler]),
    off: (name: string, handler: (event: unknown) => void) => handlers.set(name, (handlers.get(name) ?? []).filter((h) => h !== handler)),
    fire: (name: string, event: unknown) => [...(handlers.get(name) ?? [])].forEach((handler) => handler(event)),
    handlers,
  };
  atlasStatus.map = map as unknown as typeof atlasStatus.map;
  return { map, host };
}

describe('"Choose a place on the map"', () => {
  it('takes the map’s next click as the place, with the map’s tool set meanwhile', async () => {
    const { map, host } = fakeMap();
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    await act(async () => buttonNamed('Choose a place on the map').click());
    expect(activeSelectionTool()).toBe('place');
    expect(buttonNamed('Choose a place on the map').getAttribute('aria-pressed')).toBe('true');
    expect(host.querySelector('[data-testid=services-picker]')!.textContent).toContain('Click or tap the map where you want services listed.');
    expect(status()).toBe('Click or tap the map where you want services listed.');
    await act(async () => map.fire('click', { lngLat: { lng: -1.5491, lat: 53.8008 } }));
    expect(useAppStore.getState().place).toEqual({ kind: 'point', lng: -1.5491, lat: 53.8008 });
    expect(activeSelectionTool()).toBeNull();
    expect(host.querySelector('[data-testid=services-picker]')).toBeNull();
    expect(map.handlers.get('click')).toEqual([]);
  });

  it('uses the map’s centre from the keyboard, and Escape cancels', async () => {
    fakeMap({ lng: -2.24, lat: 53.48 });
    const { client } = servicesClient();
    await render(client, manifest(['services/index.json']));
    await act(async () => buttonNamed('Choose a place on the map').click());
    await act(async () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(activeSelectionTool()).toBeNull();
    expect(useAppStore.getState().place).toBeNull();
    expect(status()).toBe('Choosing a place was cancelled.');
    await act(async () => buttonNamed('Choose a place on the map').click());
    await act(async () => buttonNamed('Use the map centre').click());
    expect(useAppStore.getState().place).toEqual({ kind: 'point', lng: -2.24, lat: 53.48 });
  });
});

describe('"Services in view"', () => {
  it('counts the chosen services in the map’s view and lists them nearest the centre first; one opens its details', async () => {
    const { map } = fakeMap();
    useAppStore.setState({ services: ['gp_practice'] });
    const { client } = servicesClient({ 'services/points/gp_practice.json': GP_POINTS });
    await render(client, manifest(['services/index.json']));
    const toggle = buttonNamed('Services in view');
    expect(toggle.textContent).toBe('Services in view (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    const items = [...container.querySelectorAll('[data-testid=services-in-view] button')];
    expect(items.map((item) => item.textContent)).toEqual([
      'Near Practice, GP practice, 0 m from the centre',
      'Far Practice, GP practice, 7.1 km from the centre',
    ]);
    await act(async () => (items[1] as HTMLButtonElement).click());
    const { returnFocus, ...opened } = useOpenService.getState().open!;
    expect(opened).toEqual({ type: 'gp_practice', id: 'M85002', name: 'Far Practice', lng: -1.8, lat: 52.46, fly: true });
    // The keyboard comes back to the button when the details close (compared as the very element: a DOM tree is not for deep equality).
    expect(returnFocus === items[1]).toBe(true);
    // The map moved: counted again.
    (map as { getBounds: () => unknown }).getBounds = () => ({ getWest: () => -2, getSouth: () => 52, getEast: () => -1, getNorth: () => 53 });
    await act(async () => map.fire('moveend', {}));
    expect(buttonNamed('Services in view').textContent).toBe('Services in view (3)');
  });
});
