/**
 * Moves the camera to a point (a postcode, a place name, the place services
 * are listed near). Areas are flown to through the store's camera target
 * (useCamera.ts); a point needs no lookup, so the modules that have one (all
 * loaded after the first map) move the map directly.
 */
import { atlasStatus } from './status.ts';

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function flyToPoint(lng: number, lat: number, zoom: number, options: { instant?: boolean } = {}): void {
  const map = atlasStatus.map;
  if (!map) return;
  // On a desktop the panel covers the map's right side; on a phone it sits below the map.
  const narrow = map.getContainer().clientWidth < 720;
  map.flyTo({
    center: [lng, lat],
    zoom,
    padding: narrow ? 0 : { top: 0, bottom: 0, left: 0, right: 420 },
    duration: options.instant || prefersReducedMotion() ? 0 : 1200,
    essential: false,
  });
}

/**
 * Stops the map's movement (a pan or flight under way): a place just chosen
 * supersedes it, and its list is drawn sooner without a frame of the old
 * movement to render every ~100 ms (in software WebGL); the camera then flies
 * to the place once the list is on screen (src/map/residents/).
 */
export function stopCamera(): void {
  atlasStatus.map?.stop();
}
