/**
 * When the camera may fly to a place: once the resident panel has drawn its
 * list. In software WebGL each frame of a flight costs the main thread about
 * 100 ms, so a flight started with the lookup would hold the list back; the
 * panel says when its list is on screen and the place overlay flies then
 * (or after a wait, if no panel ever says so: the About page is open, say).
 */
const shown = new Set<string>();
const waiting = new Map<string, (() => void)[]>();

/** The panel's list for the place with this key is on screen. */
export function markListShown(key: string): void {
  shown.add(key);
  for (const resolve of waiting.get(key) ?? []) resolve();
  waiting.delete(key);
}

/** Resolves when the list of the place is on screen, or after `timeoutMs`. */
export function whenListShown(key: string, timeoutMs: number): Promise<void> {
  if (shown.has(key)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiting.set(key, [...(waiting.get(key) ?? []), done]);
  });
}

/** MapLibre's world is 512 px wide at zoom 0: metres per pixel at the equator. */
const EQUATOR_METRES_PER_PIXEL = 40_075_016.686 / 512;

/**
 * The zoom at which a circle of `metres` around a point at `lat` fills 80%
 * of the part of the map left free (on a desktop the panel covers the right
 * 420 px, see flyToPoint), between zoom 11 and 17.
 */
export function zoomToFit(width: number, height: number, lat: number, metres: number): number {
  const free = Math.min(width < 720 ? width : width - 420, height);
  const radiusPixels = Math.max(60, (0.8 * free) / 2);
  const zoom = Math.log2((EQUATOR_METRES_PER_PIXEL * Math.cos((lat * Math.PI) / 180) * radiusPixels) / metres);
  return Math.min(17, Math.max(11, zoom));
}

