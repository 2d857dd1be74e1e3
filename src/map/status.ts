/**
 * What the map has drawn, for the browser tests and the benchmark, exposed as
 * `window.__atlas`. A choropleth version ("lsoa:imd:decile") is *ready* once
 * its tiles for the viewport have loaded and a frame has been drawn with its
 * colours.
 */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TileStore } from './tileStore.ts';

interface AtlasStatus {
  map: MapLibreMap | null;
  tiles: TileStore | null;
  /** The last version drawn with its viewport's tiles loaded. */
  readyVersion: string;
  /** performance.now() when the first choropleth was ready. */
  firstReadyAt: number | null;
  /** performance.now() when each version became ready. */
  readyAt: Record<string, number>;
  viewportLoaded(version: string): void;
  rendered(version: string): void;
}

let lastRendered = '';
let loadedLevel = '';

const levelOf = (version: string) => version.split(':')[0];

function markReady(status: AtlasStatus, version: string): void {
  if (status.readyVersion === version) return;
  status.readyVersion = version;
  const now = performance.now();
  status.readyAt[version] = now;
  status.firstReadyAt ??= now;
  performance.mark(`atlas:ready:${version}`);
  window.dispatchEvent(new CustomEvent('atlas:ready', { detail: version }));
}

export const atlasStatus: AtlasStatus = {
  map: null,
  tiles: null,
  readyVersion: '',
  firstReadyAt: null,
  readyAt: {},
  viewportLoaded(version) {
    loadedLevel = levelOf(version);
    // The tiles are in; the next frame draws them.
    this.map?.once('render', () => {
      if (levelOf(lastRendered) === loadedLevel) markReady(this, lastRendered);
    });
  },
  rendered(version) {
    lastRendered = version;
    if (levelOf(version) === loadedLevel) markReady(this, version);
  },
};

declare global {
  interface Window {
    __atlas?: AtlasStatus;
  }
}
// Only in a browser: the unit tests render components that import this module in Node.
if (typeof window !== 'undefined') window.__atlas = atlasStatus;

/**
 * Whether the map has drawn its first view: what the first map does not need
 * (the legend's long note, the selection toolbar) waits for it.
 */
export function useFirstMapDrawn(): boolean {
  const [drawn, setDrawn] = useState(atlasStatus.firstReadyAt !== null);
  useEffect(() => {
    if (drawn) return;
    const done = () => setDrawn(true);
    window.addEventListener('atlas:ready', done, { once: true });
    return () => window.removeEventListener('atlas:ready', done);
  }, [drawn]);
  return drawn;
}
