/**
 * The camera's move to a place: it waits for the panel's list (or gives up
 * waiting), and zooms so that the circle of the distance fills the part of
 * the map the panel leaves free.
 */
import { describe, expect, it } from 'vitest';
import { markListShown, whenListShown, zoomToFit } from '../../../src/map/residents/placeCamera.ts';
import { placeLayers } from '../../../src/map/residents/PlaceOverlay.tsx';

describe('whenListShown', () => {
  it('resolves when the list of that place is shown, not another’s', async () => {
    let done = false;
    const waiting = whenListShown('postcode:B152TT', 10_000).then(() => (done = true));
    markListShown('postcode:M11AE');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    markListShown('postcode:B152TT');
    await waiting;
    expect(done).toBe(true);
    // Once shown, at once.
    await whenListShown('postcode:B152TT', 10_000);
  });

  it('gives up waiting after the time given', async () => {
    const started = Date.now();
    await whenListShown('point:52.4,-1.9', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('zoomToFit', () => {
  /** Metres a MapLibre pixel spans at a zoom and latitude (512-pixel world). */
  const metresPerPixel = (zoom: number, lat: number) => (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

  it('makes the circle’s diameter 80% of the free part of the map: beside the panel on a desktop, the whole width on a phone', () => {
    const desktop = zoomToFit(1280, 800, 52.45, 1000);
    // Free: 1280 − 420 = 860 wide, 800 high → 800; the radius spans 320 px.
    expect(1000 / metresPerPixel(desktop, 52.45)).toBeCloseTo(320, 6);
    const phone = zoomToFit(390, 300, 52.45, 1000);
    expect(1000 / metresPerPixel(phone, 52.45)).toBeCloseTo(120, 6);
    expect(zoomToFit(1280, 800, 52.45, 2000)).toBeCloseTo(desktop - 1, 9);
  });

  it('stays between zoom 11 and 17', () => {
    expect(zoomToFit(1280, 800, 52.45, 5)).toBe(17);
    expect(zoomToFit(1280, 800, 52.45, 500_000)).toBe(11);
  });
});

describe('placeLayers', () => {
  it('draws the circle in metres around the place, and the marker in pixels above it', () => {
    const [circle, marker] = placeLayers({ lng: -1.9279, lat: 52.45327 }, 1230.77);
    expect(circle.props.radiusUnits).toBe('meters');
    expect(circle.props.getRadius).toBe(1230.77);
    expect(circle.props.data).toEqual([{ lng: -1.9279, lat: 52.45327 }]);
    expect(marker.props.radiusUnits).toBe('pixels');
    expect(marker.id).toBe('near-me-place');
  });
});
