/**
 * The app store: its actions, the choice of layer, level, measure and
 * release kept valid against the catalogue, typed selections, notices, and
 * which part of it the URL mirrors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYERS } from '../../src/config/catalogue/index.ts';
import { replaceCatalogueForTest } from '../catalogue/replaceCatalogue.ts';
import { selectedArea, urlStateOf, useAppStore } from '../../src/state/store.ts';
import { formatUrlState, MAX_SELECTED_AREAS, parseUrlState, type Problem, type UrlState } from '../../src/state/url.ts';
import { FIXTURE_LAYER } from '../catalogue/fixture.ts';
import { PROBLEM_MESSAGES } from '../../src/state/problemMessages.ts';

const store = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
});

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Number of times the store notifies its subscribers while `action` runs. */
function updatesDuring(action: () => void): number {
  let updates = 0;
  const unsubscribe = useAppStore.subscribe(() => updates++);
  try {
    action();
  } finally {
    unsubscribe();
  }
  return updates;
}

const problem = (id: string, values?: Problem['values']): Problem => ({ msg: { id, defaultMessage: `Text of ${id}` }, values });

/** The layer, level, measure and release of the store. */
const choice = () => {
  const { layer, level, measure, release } = store();
  return { layer, level, measure, release };
};

describe('initial state', () => {
  it('is the default view with no notices and no camera request', () => {
    expect(urlStateOf(store())).toEqual({
      layer: 'imd',
      level: 'lsoa',
      measure: null,
      release: null,
      groups: null,
      selection: null,
      selectionName: null,
      viewport: null,
      view: 'map',
      tableLad: null,
      sort: { column: 'rank', direction: 'asc' },
      place: null,
      services: [],
      within: '1km',
    });
    expect(store().notices).toEqual([]);
    expect(store().cameraTarget).toBeNull();
  });
});

describe('simple setters', () => {
  it('set one setting each', () => {
    store().setLevel('ward');
    store().setLayer('crime');
    store().setMeasure('extent');
    store().setView('table');
    store().setTableLad('E09000024');
    store().setSort({ column: 'name', direction: 'desc' });
    expect(urlStateOf(store())).toEqual({
      layer: 'crime',
      level: 'ward',
      measure: 'extent',
      release: null,
      groups: null,
      selection: null,
      selectionName: null,
      viewport: null,
      view: 'table',
      tableLad: 'E09000024',
      sort: { column: 'name', direction: 'desc' },
      place: null,
      services: [],
      within: '1km',
    });
    store().setTableLad(null);
    expect(store().tableLad).toBeNull();
  });
});

describe('the place services are listed near', () => {
  it('chooses every service type with a place when none is chosen, and keeps a choice made', () => {
    store().setPlace({ kind: 'postcode', postcode: 'B152TT' });
    expect(store().services).toEqual(['library', 'gp_practice', 'school', 'warm_space', 'foodbank']);
    store().setServices(['foodbank', 'library']);
    expect(store().services).toEqual(['library', 'foodbank']);
    store().setPlace({ kind: 'point', lng: -1.9312345678, lat: 52.4512345678 });
    expect(store().place).toEqual({ kind: 'point', lng: -1.93123, lat: 52.45123 });
    expect(store().services).toEqual(['library', 'foodbank']);
    store().setPlace(null);
    expect(store().place).toBeNull();
    store().setWithin('walk20');
    expect(store().within).toBe('walk20');
  });
});

describe('the choice of layer, level, measure and release', () => {
  it('setRelease picks an older release, and the newest is null', () => {
    store().setRelease('2019');
    expect(choice()).toEqual({ layer: 'imd', level: 'lsoa', measure: null, release: '2019' });
    store().setRelease('2025');
    expect(store().release).toBeNull();
    store().setRelease('2019');
    store().setRelease(null);
    expect(store().release).toBeNull();
  });

  it('setRelease of a release the layer does not have at this level is null', () => {
    store().setRelease('1999');
    expect(store().release).toBeNull();
    store().setLevel('ward');
    store().setRelease('2019');
    expect(store().release).toBeNull();
  });

  it('setMeasure of the default measure, or of one this layer lacks at this level, is null', () => {
    store().setLevel('ward');
    store().setMeasure('averageScore');
    expect(store().measure).toBeNull();
    store().setMeasure('black');
    expect(store().measure).toBeNull();
    store().setMeasure('extent');
    expect(store().measure).toBe('extent');
  });

  it('setLayer to a layer lacking the current measure resets it', () => {
    store().setLevel('ward');
    store().setMeasure('extent');
    store().setLayer('ethnic_diversity');
    expect(choice()).toEqual({ layer: 'ethnic_diversity', level: 'ward', measure: null, release: null });
    store().setMeasure('black');
    store().setLayer('income');
    expect(choice()).toEqual({ layer: 'income', level: 'ward', measure: null, release: null });
  });

  it('setLayer to a layer lacking the current release resets it', () => {
    store().setRelease('2019');
    store().setLayer('ethnic_diversity');
    expect(choice()).toEqual({ layer: 'ethnic_diversity', level: 'lsoa', measure: null, release: null });
  });

  it('setLayer keeps the measure and release when the new layer has them', () => {
    store().setRelease('2019');
    store().setLayer('income');
    expect(choice()).toEqual({ layer: 'income', level: 'lsoa', measure: null, release: '2019' });
    store().setLevel('lad');
    store().setMeasure('localConcentration');
    store().setLayer('health');
    expect(choice()).toEqual({ layer: 'health', level: 'lad', measure: 'localConcentration', release: null });
  });

  it('setLevel drops a measure or release that the new level lacks', () => {
    store().setRelease('2019');
    store().setLevel('ward');
    expect(choice()).toEqual({ layer: 'imd', level: 'ward', measure: null, release: null });
    store().setMeasure('extent');
    store().setLevel('lsoa');
    expect(choice()).toEqual({ layer: 'imd', level: 'lsoa', measure: null, release: null });
    store().setLayer('ethnic_diversity');
    store().setMeasure('white');
    store().setLevel('lad');
    // The diversity measures exist at every level.
    expect(choice()).toEqual({ layer: 'ethnic_diversity', level: 'lad', measure: 'white', release: null });
  });

  it('setLayer to a layer without the current level moves to its first level; setLevel to one it lacks stays valid', () => {
    restore = replaceCatalogueForTest([...LAYERS, FIXTURE_LAYER]);
    store().setLayer('fixture_rate');
    expect(choice()).toEqual({ layer: 'fixture_rate', level: 'ward', measure: null, release: null });
    store().setRelease('2020');
    store().setMeasure('growth');
    store().setLevel('lsoa');
    expect(choice()).toEqual({ layer: 'fixture_rate', level: 'ward', measure: 'growth', release: '2020' });
    store().setLevel('lad');
    expect(choice()).toEqual({ layer: 'fixture_rate', level: 'lad', measure: 'growth', release: '2020' });
  });

  it('setLayer to an unknown layer shows the default layer', () => {
    store().setLayer('nope');
    expect(store().layer).toBe('imd');
  });

  it('every choice it makes survives the URL unchanged', () => {
    const steps: (() => void)[] = [
      () => store().setRelease('2019'),
      () => store().setLayer('crime'),
      () => store().setLevel('ward'),
      () => store().setMeasure('extent'),
      () => store().setLayer('ethnic_diversity'),
      () => store().setMeasure('asian'),
      () => store().setLevel('lsoa'),
      () => store().setLayer('imd'),
    ];
    for (const step of steps) {
      step();
      const url = urlStateOf(store());
      expect(parseUrlState(formatUrlState(url))).toEqual({ state: url, problems: [] });
    }
  });
});

describe('select', () => {
  it('without fly selects an area and leaves the camera alone', () => {
    store().select('E01000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E01000001' });
    expect(selectedArea(store())).toBe('E01000001');
    expect(store().cameraTarget).toBeNull();
  });

  it('with fly asks the camera to go there, with a new id each time', () => {
    store().select('E01000001', { fly: true });
    const first = store().cameraTarget!;
    expect(first).toMatchObject({ code: 'E01000001' });
    expect(first.instant).toBeFalsy();

    store().select('E05000001', { fly: true, instant: true });
    const second = store().cameraTarget!;
    expect(store().selection).toEqual({ kind: 'area', code: 'E05000001' });
    expect(second).toMatchObject({ code: 'E05000001', instant: true });
    expect(second.id).toBeGreaterThan(first.id);

    // The same area again is a new request (the person asked to go there again).
    store().select('E05000001', { fly: true });
    expect(store().cameraTarget!.id).toBeGreaterThan(second.id);
  });

  it('without fly keeps a pending camera request', () => {
    store().select('E01000001', { fly: true });
    const pending = store().cameraTarget;
    store().select('E01000002');
    expect(store().selection).toEqual({ kind: 'area', code: 'E01000002' });
    expect(store().cameraTarget).toBe(pending);
  });

  it('of nothing clears the selection and never flies', () => {
    store().select('E01000001');
    store().select(null, { fly: true });
    expect(store().selection).toBeNull();
    expect(selectedArea(store())).toBeNull();
    expect(store().cameraTarget).toBeNull();
  });

  it('selectRef selects any kind of selection', () => {
    store().selectRef({ kind: 'areas', codes: ['E05000001', 'E05000002'] });
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E05000001', 'E05000002'] });
    // A set is not one selected area.
    expect(selectedArea(store())).toBeNull();
    store().selectRef({ kind: 'feature', layer: 'gp', id: '42' });
    expect(store().selection).toEqual({ kind: 'feature', layer: 'gp', id: '42' });
    store().selectRef(null);
    expect(store().selection).toBeNull();
  });

  it('flyTo moves the camera without selecting, with a new id each time', () => {
    store().select('E01000001', { fly: true });
    const first = store().cameraTarget!;
    store().flyTo('E09000024');
    const second = store().cameraTarget!;
    expect(second).toMatchObject({ code: 'E09000024' });
    expect(second.instant).toBeFalsy();
    expect(second.id).toBeGreaterThan(first.id);
    expect(store().selection).toEqual({ kind: 'area', code: 'E01000001' });
    store().flyTo('E09000024');
    expect(store().cameraTarget!.id).toBeGreaterThan(second.id);
  });

  it('cameraDone clears the request', () => {
    store().select('E01000001', { fly: true });
    store().cameraDone();
    expect(store().cameraTarget).toBeNull();
    expect(store().selection).toEqual({ kind: 'area', code: 'E01000001' });
  });
});

describe('toggleArea (shift-click)', () => {
  it('builds a set from nothing, shrinks it, and collapses it to a single area and then to nothing', () => {
    store().toggleArea('E05000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E05000001' });
    store().toggleArea('E05000002');
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E05000001', 'E05000002'] });
    store().toggleArea('E05000003');
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E05000001', 'E05000002', 'E05000003'] });
    store().toggleArea('E05000002');
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E05000001', 'E05000003'] });
    store().toggleArea('E05000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E05000003' });
    store().toggleArea('E05000003');
    expect(store().selection).toBeNull();
  });

  it('adds to an area selected by a click or a search', () => {
    store().select('E05000007');
    store().toggleArea('E05000008');
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E05000007', 'E05000008'] });
  });

  it('starts afresh from a selected feature', () => {
    store().selectRef({ kind: 'feature', layer: 'gp', id: '42' });
    store().toggleArea('E05000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E05000001' });
  });

  it(`holds at most ${MAX_SELECTED_AREAS} areas`, () => {
    const codes = Array.from({ length: MAX_SELECTED_AREAS }, (_, i) => `E05${String(i + 1).padStart(6, '0')}`);
    store().selectRef({ kind: 'areas', codes });
    store().toggleArea('E05999999');
    expect(store().selection).toEqual({ kind: 'areas', codes });
    // Taking one out still works.
    store().toggleArea(codes[0]);
    expect(store().selection).toEqual({ kind: 'areas', codes: codes.slice(1) });
  });

  it('keeps a set of one level, as a link can only hold one (an area of another level starts a new set)', () => {
    // An LSOA found by search, then a shift-click on a ward: the URL would drop
    // the ward of the mixed set on reload, so the store must not build one.
    store().select('E01000001');
    store().toggleArea('E05000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E05000001' });
    store().toggleArea('E05000002');
    store().toggleArea('E09000001');
    expect(store().selection).toEqual({ kind: 'area', code: 'E09000001' });
  });

  it('every set it builds survives the URL unchanged', () => {
    for (const code of ['E05000003', 'E05000001', 'E05000002', 'E05000001']) {
      store().toggleArea(code);
      const url = urlStateOf(store());
      expect(parseUrlState(formatUrlState(url))).toEqual({ state: url, problems: [] });
    }
  });
});

describe('setViewport', () => {
  it('stores the viewport rounded as in the URL', () => {
    store().setViewport({ longitude: -1.234567, latitude: 52.987654, zoom: 7.4567 });
    expect(store().viewport).toEqual({ longitude: -1.23457, latitude: 52.98765, zoom: 7.46 });
  });

  it('ignores a change smaller than the URL precision', () => {
    store().setViewport({ longitude: -1.234567, latitude: 52.987654, zoom: 7.4567 });
    const before = store().viewport;
    // Rounds to the same -1.23457 / 52.98765 / 7.46.
    const updates = updatesDuring(() => store().setViewport({ longitude: -1.234571, latitude: 52.987649, zoom: 7.4612 }));
    expect(updates).toBe(0);
    expect(store().viewport).toBe(before);
  });

  it('records a change in any one of the three numbers', () => {
    store().setViewport({ longitude: -1, latitude: 52, zoom: 7 });
    expect(updatesDuring(() => store().setViewport({ longitude: -1.00001, latitude: 52, zoom: 7 }))).toBe(1);
    expect(updatesDuring(() => store().setViewport({ longitude: -1.00001, latitude: 52.00001, zoom: 7 }))).toBe(1);
    expect(updatesDuring(() => store().setViewport({ longitude: -1.00001, latitude: 52.00001, zoom: 7.01 }))).toBe(1);
    expect(store().viewport).toEqual({ longitude: -1.00001, latitude: 52.00001, zoom: 7.01 });
  });
});

describe('notices', () => {
  it('are added with increasing ids, their message and values, and a warning tone by default', () => {
    store().notify(problem('first', { value: 'x' }));
    store().notify(problem('second'), 'error');
    const [first, second] = store().notices;
    expect(first).toMatchObject({ msg: { id: 'first', defaultMessage: 'Text of first' }, values: { value: 'x' }, tone: 'warning' });
    expect(second).toMatchObject({ msg: { id: 'second' }, tone: 'error' });
    expect(second.id).toBeGreaterThan(first.id);
  });

  it('with the same message id and values are shown once, whatever the tone', () => {
    store().notify(problem('load', { path: 'a.json' }));
    store().notify(problem('load', { path: 'a.json' }));
    store().notify(problem('load', { path: 'a.json' }), 'error');
    expect(store().notices).toHaveLength(1);
    expect(store().notices[0]).toMatchObject({ msg: { id: 'load' }, values: { path: 'a.json' }, tone: 'warning' });
  });

  it('with the same message id but other values are shown each', () => {
    store().notify(problem('load', { path: 'a.json' }));
    store().notify(problem('load', { path: 'b.json' }));
    store().notify(problem('load'));
    expect(store().notices.map((n) => n.values)).toEqual([{ path: 'a.json' }, { path: 'b.json' }, undefined]);
  });

  it('with the same values under another id are shown each', () => {
    store().notify(problem('one', { value: 'x' }));
    store().notify(problem('two', { value: 'x' }));
    expect(store().notices).toHaveLength(2);
  });

  it('can be shown again once dismissed', () => {
    store().notify(problem('again'));
    const id = store().notices[0].id;
    store().dismissNotice(id);
    expect(store().notices).toEqual([]);
    store().notify(problem('again'));
    expect(store().notices).toHaveLength(1);
    expect(store().notices[0].id).not.toBe(id);
  });

  it('dismissNotice removes only that notice, and ignores an unknown id', () => {
    store().notify(problem('a'));
    store().notify(problem('b'));
    store().notify(problem('c'));
    const [a, b, c] = store().notices;
    store().dismissNotice(b.id);
    expect(store().notices).toEqual([a, c]);
    store().dismissNotice(-1);
    expect(store().notices).toEqual([a, c]);
  });

  it('take the problems of a link as they are', () => {
    const problems = parseUrlState('?level=county&level=nowhere&map=1').problems.map((p) => ({ msg: PROBLEM_MESSAGES[p.key], values: p.values }));
    for (const p of problems) store().notify(p);
    expect(store().notices.map((n) => ({ msg: n.msg, values: n.values }))).toEqual(problems);
  });
});

describe('applyUrlState', () => {
  it('replaces every URL setting and keeps notices and the camera request', () => {
    store().setViewport({ longitude: 1, latitude: 2, zoom: 3 });
    store().select('E01000001', { fly: true });
    store().notify(problem('kept'));
    const camera = store().cameraTarget;
    const next: UrlState = {
      layer: 'health',
      level: 'lad',
      measure: 'averageRank',
      release: null,
      groups: null,
      selection: { kind: 'areas', codes: ['E06000001', 'E06000002'] },
      selectionName: 'North east pair',
      viewport: null,
      view: 'about',
      tableLad: 'E06000001',
      sort: { column: 'class', direction: 'desc' },
      place: { kind: 'postcode', postcode: 'B152TT' },
      services: ['library'],
      within: '2km',
    };
    store().applyUrlState(next);
    expect(urlStateOf(store())).toEqual(next);
    expect(store().cameraTarget).toBe(camera);
    expect(store().notices.map((n) => n.msg.id)).toEqual(['kept']);
  });
});

describe('urlStateOf', () => {
  it('returns exactly the URL settings', () => {
    store().notify(problem('not in the URL'));
    store().select('E01000001', { fly: true });
    const url = urlStateOf(store());
    expect(Object.keys(url).sort()).toEqual(['groups', 'layer', 'level', 'measure', 'place', 'release', 'selection', 'selectionName', 'services', 'sort', 'tableLad', 'view', 'viewport', 'within']);
    expect(url.selection).toEqual({ kind: 'area', code: 'E01000001' });
  });
});
