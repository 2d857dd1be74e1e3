/**
 * Moves the camera to a neighbourhood's bounds, as useCamera.ts moves it to
 * an area's (the same padding for the panel), for places whose bounds come
 * from the names files rather than the area files.
 */
import { atlasStatus } from '../status.ts';

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** The zoom a neighbourhood is seen at, at most: the LSOAs' own (LEVEL_DISPLAY.lsoa.flyToMaxZoom). */
const MAX_ZOOM = 14;

export function flyToBounds(bounds: [number, number, number, number]): void {
  const map = atlasStatus.map;
  if (!map) return;
  const narrow = map.getContainer().clientWidth < 720;
  map.fitBounds(bounds, {
    padding: narrow ? 24 : { top: 48, bottom: 48, left: 48, right: 440 },
    maxZoom: MAX_ZOOM,
    duration: prefersReducedMotion() ? 0 : 1200,
  });
}
