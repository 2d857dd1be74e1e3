/**
 * The app store: its actions, and which part of it the URL mirrors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { urlStateOf, useAppStore } from '../../src/state/store.ts';
import type { UrlState } from '../../src/state/url.ts';

const store = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
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

describe('initial state', () => {
  it('is the default view with no notices and no camera request', () => {
    expect(urlStateOf(store())).toEqual({
      level: 'lsoa',
      indicator: 'imd',
      measure: 'averageScore',
      selection: null,
      viewport: null,
      view: 'map',
      tableLad: null,
      sort: { column: 'rank', direction: 'asc' },
    });
    expect(store().notices).toEqual([]);
    expect(store().cameraTarget).toBeNull();
  });
});

describe('simple setters', () => {
  it('set one setting each', () => {
    store().setLevel('ward');
    store().setIndicator('crime');
    store().setMeasure('extent');
    store().setView('table');
    store().setTableLad('E09000024');
    store().setSort({ column: 'name', direction: 'desc' });
    expect(urlStateOf(store())).toEqual({
      level: 'ward',
      indicator: 'crime',
      measure: 'extent',
      selection: null,
      viewport: null,
      view: 'table',
      tableLad: 'E09000024',
      sort: { column: 'name', direction: 'desc' },
    });
    store().setTableLad(null);
    expect(store().tableLad).toBeNull();
  });
});

describe('select', () => {
  it('without fly selects and leaves the camera alone', () => {
    store().select('E01000001');
    expect(store().selection).toBe('E01000001');
    expect(store().cameraTarget).toBeNull();
  });

  it('with fly asks the camera to go there, with a new id each time', () => {
    store().select('E01000001', { fly: true });
    const first = store().cameraTarget!;
    expect(first).toMatchObject({ code: 'E01000001' });
    expect(first.instant).toBeFalsy();

    store().select('E05000001', { fly: true, instant: true });
    const second = store().cameraTarget!;
    expect(store().selection).toBe('E05000001');
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
    expect(store().selection).toBe('E01000002');
    expect(store().cameraTarget).toBe(pending);
  });

  it('of nothing clears the selection and never flies', () => {
    store().select('E01000001');
    store().select(null, { fly: true });
    expect(store().selection).toBeNull();
    expect(store().cameraTarget).toBeNull();
  });

  it('flyTo moves the camera without selecting, with a new id each time', () => {
    store().select('E01000001', { fly: true });
    const first = store().cameraTarget!;
    store().flyTo('E09000024');
    const second = store().cameraTarget!;
    expect(second).toMatchObject({ code: 'E09000024' });
    expect(second.instant).toBeFalsy();
    expect(second.id).toBeGreaterThan(first.id);
    expect(store().selection).toBe('E01000001');
    store().flyTo('E09000024');
    expect(store().cameraTarget!.id).toBeGreaterThan(second.id);
  });

  it('cameraDone clears the request', () => {
    store().select('E01000001', { fly: true });
    store().cameraDone();
    expect(store().cameraTarget).toBeNull();
    expect(store().selection).toBe('E01000001');
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
  it('are added with increasing ids and a warning tone by default', () => {
    store().notify('First');
    store().notify('Second', 'error');
    const [first, second] = store().notices;
    expect(first).toMatchObject({ text: 'First', tone: 'warning' });
    expect(second).toMatchObject({ text: 'Second', tone: 'error' });
    expect(second.id).toBeGreaterThan(first.id);
  });

  it('with the same text are shown once, whatever the tone', () => {
    store().notify('Could not load the map');
    store().notify('Could not load the map');
    store().notify('Could not load the map', 'error');
    expect(store().notices).toHaveLength(1);
    expect(store().notices[0]).toMatchObject({ text: 'Could not load the map', tone: 'warning' });
  });

  it('can be shown again once dismissed', () => {
    store().notify('Again');
    const id = store().notices[0].id;
    store().dismissNotice(id);
    expect(store().notices).toEqual([]);
    store().notify('Again');
    expect(store().notices).toHaveLength(1);
    expect(store().notices[0].id).not.toBe(id);
  });

  it('dismissNotice removes only that notice, and ignores an unknown id', () => {
    store().notify('A');
    store().notify('B');
    store().notify('C');
    const [a, b, c] = store().notices;
    store().dismissNotice(b.id);
    expect(store().notices).toEqual([a, c]);
    store().dismissNotice(-1);
    expect(store().notices).toEqual([a, c]);
  });
});

describe('applyUrlState', () => {
  it('replaces every URL setting and keeps notices and the camera request', () => {
    store().setViewport({ longitude: 1, latitude: 2, zoom: 3 });
    store().select('E01000001', { fly: true });
    store().notify('Kept');
    const camera = store().cameraTarget;
    const next: UrlState = {
      level: 'lad',
      indicator: 'health',
      measure: 'averageRank',
      selection: 'E06000001',
      viewport: null,
      view: 'about',
      tableLad: 'E06000001',
      sort: { column: 'class', direction: 'desc' },
    };
    store().applyUrlState(next);
    expect(urlStateOf(store())).toEqual(next);
    expect(store().cameraTarget).toBe(camera);
    expect(store().notices.map((n) => n.text)).toEqual(['Kept']);
  });
});

describe('urlStateOf', () => {
  it('returns exactly the URL settings', () => {
    store().notify('Not in the URL');
    store().select('E01000001', { fly: true });
    const url = urlStateOf(store());
    expect(Object.keys(url).sort()).toEqual(['indicator', 'level', 'measure', 'selection', 'sort', 'tableLad', 'view', 'viewport']);
    expect(url.selection).toBe('E01000001');
  });
});
