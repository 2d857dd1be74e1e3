/**
 * A live selection in a link: a large set of LSOAs (a lasso over a city)
 * with its name survives the round trip through the URL, within the limit.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, MAX_SELECTED_AREAS, parseUrlState, type UrlState } from '../../src/state/url.ts';

describe('a named set selection in a link', () => {
  const codes = Array.from({ length: MAX_SELECTED_AREAS }, (_, i) => `E01${String(8000 + i * 3).padStart(6, '0')}`);
  const state: UrlState = {
    ...DEFAULT_URL_STATE,
    layer: 'segregation_ethnicity',
    level: 'ward',
    selection: { kind: 'areas', codes },
    selectionName: 'Within 1 km of 52.4862, -1.8904 & “Lozells” ring',
    viewport: { longitude: -1.89, latitude: 52.48, zoom: 12 },
  };

  it(`round-trips ${MAX_SELECTED_AREAS} LSOAs and the name, in order and without problems`, () => {
    expect(MAX_SELECTED_AREAS).toBeGreaterThanOrEqual(2000);
    const search = formatUrlState(state);
    const { state: parsed, problems } = parseUrlState(search);
    expect(problems).toEqual([]);
    expect(parsed).toEqual(state);
    expect(formatUrlState(parsed)).toBe(search);
    // About 10 characters per code: a link of about 20 KB, far below browsers' 2 MB.
    expect(search.length).toBeLessThan(MAX_SELECTED_AREAS * 10 + 300);
  });

  it('keeps the first codes of a longer set, with a problem', () => {
    const more = [...codes, 'E01999998', 'E01999999'];
    const { state: parsed, problems } = parseUrlState(formatUrlState({ ...state, selection: { kind: 'areas', codes: more } }));
    expect(parsed.selection).toEqual({ kind: 'areas', codes });
    expect(problems).toHaveLength(1);
  });
});
