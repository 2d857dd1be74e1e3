// @vitest-environment jsdom
/**
 * The resident panel in a DOM, with a fake data client (every file it asks
 * for is recorded): a postcode's neighbourhood card and the services near it
 * nearest first, with distances spelled out for speech, whether each is open
 * now (in London's time), how old each source is, the nearest beyond the
 * distance; the controls change the list and the link's state; a Welsh or
 * unknown postcode says so plainly and fetches no services; the focus moves
 * to the panel's heading.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../../src/data/client.ts';
import type { PostcodeFile, PostcodeIndexFile } from '../../../src/data/postcodeSchema.ts';
import type { Manifest } from '../../../src/data/schema.ts';
import { SERVICE_CELL_GRID, type ServicePointsFile, type ServiceRecord, type ServicesIndex } from '../../../src/data/servicesSchema.ts';
import { I18nProvider } from '../../../src/i18n/I18nProvider.tsx';
import { useAppStore } from '../../../src/state/store.ts';
import { DEFAULT_URL_STATE } from '../../../src/state/url.ts';
import ResidentPanel from '../../../src/ui/residents/ResidentPanel.tsx';
import { fakeDataClient } from '../../data/fakeClient.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Metres along a meridian per degree of latitude (sphere of 6371.0088 km): distances below are R·Δφ exactly. */
const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;
const LNG = -1.9279;
const LAT = 52.45327;
const north = (metres: number) => Number((LAT + metres / METRES_PER_DEGREE).toFixed(5));

// B15 2TT in LSOA 1 (Birmingham 079H), ward 0 (Edgbaston), authority 0 (Birmingham).
const B15: PostcodeFile = { outward: 'B15', inward: '2TT', lng: [Math.round(LNG * 1e5)], lat: [Math.round(LAT * 1e5)], lsoa: [1] };
const POSTCODE_INDEX: PostcodeIndexFile = { outward: ['B15'], count: [1], bounds: [LNG, LAT, LNG, LAT], sectors: {}, total: 1 };
const LSOAS = ['E01000001', 'E01034937'];

let ids = 0;
const record = (type: ServiceRecord['type'], name: string, metres: number, extra: Partial<ServiceRecord> = {}): ServiceRecord => ({
  type,
  id: `${type}-${++ids}`,
  name,
  lng: LNG,
  lat: north(metres),
  located: 'postcode',
  source: type === 'gp_practice' ? 'epraccur' : type === 'library' ? 'libraries_hacked' : 'givefood',
  ...extra,
});

// Every record in cell 29-31 (latitudes 52.4–52.5, longitudes −2.04 to −1.88), except the far food bank.
const RECORDS: ServiceRecord[] = [
  record('gp_practice', 'Edgbaston Medical Centre', 352, { detail: 'GP practice', address: '1 Hagley Road', postcode: 'B15 1AA' }),
  record('gp_practice', 'Far Surgery', 1500),
  record('library', 'Spring Hill Library', 904, { detail: 'Statutory library', openingHours: 'Mo-Fr 09:00-17:00; Sa 10:00-12:30', url: 'https://example.org/spring-hill' }),
  record('library', 'Newer Library', 1210, { hoursText: 'Ring to check' }),
];
const FAR_FOODBANK = record('foodbank', 'Northfield Food Bank', 5300);

const SERVICES_INDEX: ServicesIndex = {
  built: '2026-11-30',
  grid: SERVICE_CELL_GRID,
  cells: ['29-31', '30-31'],
  types: {
    library: { count: 2, sources: ['libraries_hacked'] },
    gp_practice: { count: 2, sources: ['epraccur'] },
    school: { count: 0, sources: [] },
    warm_space: { count: 0, sources: [] },
    foodbank: { count: 1, sources: ['givefood'] },
  },
  sources: {
    epraccur: { id: 'epraccur', title: 'GP practices (epraccur)', publisher: 'NHS England', date: '2025-04', dateNote: 'month of the edition', url: 'https://digital.nhs.uk/epraccur', licence: 'OGL v3.0', attribution: 'NHS England' },
    libraries_hacked: { id: 'libraries_hacked', title: 'Libraries Hacked libraries', publisher: 'Libraries Hacked', date: '2025-04-28', dateNote: 'export date', licence: 'MIT', attribution: 'Libraries Hacked' },
    givefood: { id: 'givefood', title: 'Give Food food banks', publisher: 'Give Food', date: '2024', dateNote: 'year of the snapshot', licence: 'Give Food terms', attribution: 'Give Food' },
  },
  geocoding: [],
};

const deltas = (values: number[]) => values.map((value, i) => Math.round(value * 1e5) - (i === 0 ? 0 : Math.round(values[i - 1] * 1e5)));
const FOODBANK_POINTS: ServicePointsFile = { type: 'foodbank', id: [FAR_FOODBANK.id], name: [FAR_FOODBANK.name], lng: deltas([FAR_FOODBANK.lng]), lat: deltas([FAR_FOODBANK.lat]) };

const MANIFEST = {
  counts: { lsoa: 33755, ward: 6784, lad: 296 },
  vintages: { lsoa: 2021, ward: 2024, lad: 2024 },
  layers: { imd: { levels: { lsoa: { releases: ['2019', '2025'], measures: ['score'] } } } },
  files: { 'postcodes/index.json': 93_000 },
} as unknown as Manifest;

function client(options: { services?: boolean } = {}) {
  const files: Record<string, unknown> = {
    'postcodes/index.json': POSTCODE_INDEX,
    'postcodes/B15.json': B15,
    'names/authorities/E08000025.json': {
      lad: 'E08000025',
      msoa: { codes: ['E02001234'], names: ['Edgbaston Village'], lsoas: [[1]], bounds: [], label: [], population: [1500] },
      elsewhere: { lsoas: [], lads: [] },
    },
  };
  if (options.services !== false) {
    files['services/index.json'] = SERVICES_INDEX;
    files['services/cells/29-31.json'] = { id: '29-31', records: RECORDS };
    files['services/cells/30-31.json'] = { id: '30-31', records: [FAR_FOODBANK] };
    files['services/points/foodbank.json'] = FOODBANK_POINTS;
  }
  return fakeDataClient({
    file: async <T,>(path: string) => {
      if (path in files) return files[path] as T;
      throw new DataError(path, 404, `Could not load ${path} (HTTP 404)`);
    },
    areas: async () => ({ level: 'lsoa' as const, codes: LSOAS, indexOf: new Map(LSOAS.map((code, i) => [code, i])) }),
    groupAreas: async (level) =>
      (level === 'ward'
        ? { level, codes: ['E05011151'], names: ['Edgbaston'], lad: [0], indexOf: new Map([['E05011151', 0]]) }
        : { level, codes: ['E08000025'], names: ['Birmingham'], indexOf: new Map([['E08000025', 0]]) }) as never,
    lsoaDetails: async () => ({ names: ['Somewhere 001A', 'Birmingham 079H'], ward: [0, 0] }),
    // IMD deciles of 2019 and 2025 of the two LSOAs: Birmingham 079H is in decile 2 in 2025.
    classes: async () => ({ releases: ['2019', '2025'], classes: [Uint8Array.from([5, 3]), Uint8Array.from([7, 2])], breaks: [null, null] }),
  });
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  // 10:00 on Monday 14 July 2025 in London (BST): libraries open 09:00–17:00 are open.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-14T09:00:00Z'));
  useAppStore.setState({ ...DEFAULT_URL_STATE, place: null, services: [], selection: null });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

async function render(c: ReturnType<typeof client>['client']) {
  await act(async () => root.render(createElement(I18nProvider, null, createElement(ResidentPanel, { client: c, manifest: MANIFEST }))));
}

/** Lets every pending fetch and state update finish (the opening_hours module is imported on demand). */
async function settle() {
  for (let i = 0; i < 20; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
}

const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
const texts = (selector: string) => [...container.querySelectorAll(selector)].map((element) => element.textContent);

describe('a postcode', () => {
  it('shows its neighbourhood: name, small area, ward and authority with vintages, decile in words', async () => {
    const { client: c } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    expect(text('#resident-title')).toBe('Near B15 2TT');
    expect(document.activeElement).toBe(container.querySelector('#resident-title'));
    expect(text('#near-card-title')).toBe('Edgbaston Village');
    expect(texts('.near-card__areas dd')).toEqual(['Birmingham 079H · LSOA 2021 E01034937', 'Edgbaston · Ward 2024 E05011151', 'Birmingham · Authority 2024 E08000025']);
    expect(text('.near-card__decile')).toBe('2Among the 20% most deprived neighbourhoods in England');
    expect(text('.near-card__msoa')).toBe('Neighbourhood: MSOA 2021 E02001234, named by the House of Commons Library.');
    expect(text('.near-card__imd')).toContain('decile 2 of 10 (1 = most deprived)');
    expect(text('.near-card__imd')).toContain('England’s 33,755 small areas');
  });

  it('lists the services near it, nearest first, with distance and walk for the eye and for the ear', async () => {
    const { client: c, calls } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    // 1 km (the default): the one cell the circle touches; the other cell only for the food bank beyond (through its points file).
    const cells = calls.filter((call) => call.startsWith('file services/cells') || call.startsWith('file services/points'));
    expect(cells).toEqual(['file services/cells/29-31.json', 'file services/points/foodbank.json', 'file services/cells/30-31.json']);
    expect(texts('.near-group__title')).toEqual(['Libraries1', 'GP practices1', 'Schoolsnone', 'Warm and welcoming spacesnone', 'Food banksnone']);
    const gp = container.querySelector('.near-group[data-service-type="gp_practice"] .near-item')!;
    expect(gp.querySelector('.near-item__name')!.textContent).toBe('Edgbaston Medical Centre');
    // 352 m → 350 m; 352 × 1.3 / 80 = 5.7 → about 6 minutes.
    expect(gp.querySelector('.near-item__distance')!.textContent).toBe('350 m · about 6 min walk');
    expect(gp.querySelector('.near-item__distance')!.getAttribute('aria-hidden')).toBe('true');
    expect(gp.querySelector('.visually-hidden')!.textContent).toBe('350 metres away, about 6 minutes on foot');
    expect(gp.querySelector('.near-item__address')!.textContent).toBe('1 Hagley Road');
    // The source and its age: April 2025, on 14 July 2025, is about 3 months ago.
    expect(text('.near-group[data-service-type="gp_practice"] .near-group__source')).toBe('Source: NHS England, April 2025 — about 3 months ago');
  });

  it('says whether a service is open now in London, and gives hours as text where they are not in OSM syntax', async () => {
    const { client: c } = client();
    act(() => useAppStore.setState({ within: '2km' }));
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    const libraries = [...container.querySelectorAll('.near-group[data-service-type="library"] .near-item')];
    expect(libraries.map((li) => li.querySelector('.near-item__name')!.textContent)).toEqual(['Spring Hill Library', 'Newer Library']);
    expect(libraries[0].querySelector('[data-testid="open-state"]')!.textContent).toBe('Open now · closes at 17:00');
    expect(libraries[0].querySelector('.near-item__hours')!.textContent).toBe('Hours: Mo-Fr 09:00-17:00; Sa 10:00-12:30');
    expect(libraries[0].querySelector('a')!.getAttribute('href')).toBe('https://example.org/spring-hill');
    expect(libraries[1].querySelector('[data-testid="open-state"]')).toBeNull();
    expect(libraries[1].querySelector('.near-item__hours')!.textContent).toBe('Hours: Ring to check');
  });

  it('gives the nearest one beyond the distance for a type with none within it', async () => {
    const { client: c, calls } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    const foodbanks = container.querySelector('.near-group[data-service-type="foodbank"]')!;
    expect(foodbanks.querySelector('.near-group__none')!.textContent).toBe('None within 1 km. The nearest is further away:');
    expect(foodbanks.querySelector('.near-item__name')!.textContent).toBe('Northfield Food Bank');
    // 5,300 m → 5.3 km; × 1.3 / 80 = 86.1 minutes → about 86.
    expect(foodbanks.querySelector('.near-item__distance')!.textContent).toBe('5.3 km · about 86 min walk');
    expect(calls).toContain('file services/points/foodbank.json');
    // A type the build has none of: said so, nothing fetched.
    expect(text('.near-group[data-service-type="school"] .near-group__none')).toBe('None within 1 km. There are none in this build of the data.');
    expect(calls).not.toContain('file services/points/school.json');
  });

  it('changes the list with the distance and the types, which are the link’s', async () => {
    const { client: c } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    const radio = (label: string) => [...container.querySelectorAll<HTMLInputElement>('.near-distance input')].find((input) => input.parentElement!.textContent === label)!;
    await act(async () => radio('20-minute walk').click());
    await settle();
    expect(useAppStore.getState().within).toBe('walk20');
    expect(text('#near-list-title')).toBe('Services within a 20-minute walk');
    // 1,210 m is within a 20-minute walk (1,231 m); 1,500 m is not.
    expect(texts('.near-group[data-service-type="library"] .near-item__name')).toEqual(['Spring Hill Library', 'Newer Library']);
    expect(texts('.near-group[data-service-type="gp_practice"] .near-item__name')).toEqual(['Edgbaston Medical Centre']);
    const checkbox = (label: string) => [...container.querySelectorAll<HTMLInputElement>('.near-types input')].find((input) => input.parentElement!.textContent === label)!;
    await act(async () => checkbox('Libraries').click());
    await settle();
    expect(useAppStore.getState().services).toEqual(['gp_practice', 'school', 'warm_space', 'foodbank']);
    expect(container.querySelector('.near-group[data-service-type="library"].near-group')).toBeNull();
  });

  it('opens the area panel of its neighbourhood on request', async () => {
    const { client: c } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    const more = [...container.querySelectorAll('button')].find((button) => button.textContent === 'More about this neighbourhood')!;
    act(() => more.click());
    expect(useAppStore.getState().place).toBeNull();
    expect(useAppStore.getState().selection).toEqual({ kind: 'area', code: 'E01034937' });
  });
});

describe('a postcode the English data cannot have', () => {
  it('says a Welsh postcode is Welsh, and fetches nothing', async () => {
    const { client: c, calls } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'CF101AA' }));
    await render(c);
    await settle();
    expect(text('#resident-title')).toBe('Near CF10 1AA');
    expect(text('[role="alert"]')).toBe('CF10 1AA is a postcode in Wales. This map covers England only, as the English Indices of Deprivation do.');
    expect(container.querySelector('.near-card, .near-services')).toBeNull();
    expect(calls.filter((call) => call.startsWith('file postcodes') || call.startsWith('file services/cells'))).toEqual([]);
  });

  it('says an unknown postcode is not in the list of English postcodes', async () => {
    const { client: c } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B159ZZ' }));
    await render(c);
    await settle();
    expect(text('[role="alert"]')).toBe('B15 9ZZ is not in the list of English postcodes (OS Code-Point Open, October 2025). Check it, or search by place name.');
    expect(container.querySelector('.near-services')).toBeNull();
  });
});

describe('a point', () => {
  it('takes its nearest postcode’s neighbourhood and says how far that postcode is', async () => {
    const { client: c } = client();
    act(() => useAppStore.getState().setPlace({ kind: 'point', lng: LNG, lat: north(120) }));
    await render(c);
    await settle();
    expect(text('#resident-title')).toBe('Near the place you chose');
    expect(text('.panel__codes')).toBe('The nearest postcode is B15 2TT, 120 metres away; the neighbourhood below is that postcode’s.');
    expect(text('#near-card-title')).toBe('Edgbaston Village');
    // Distances from the point: the practice is 232 m away → 230 m.
    expect(text('.near-group[data-service-type="gp_practice"] .near-item__distance')).toBe('230 m · about 4 min walk');
  });
});

describe('a build without services', () => {
  it('shows the neighbourhood and says the services are not built', async () => {
    const { client: c } = client({ services: false });
    act(() => useAppStore.getState().setPlace({ kind: 'postcode', postcode: 'B152TT' }));
    await render(c);
    await settle();
    expect(text('#near-card-title')).toBe('Edgbaston Village');
    expect(text('.near-services')).toContain('Services are not in this build of the data');
  });
});
