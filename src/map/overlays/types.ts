/**
 * Map overlays: deck.gl layers drawn over the current layer whatever it is
 * (services as points, the place "near me" is about, neighbourhood names).
 * Each overlay is a component that loads its own data and hands its layers
 * to the host (Overlays.tsx) with `report`; none of them is in the first
 * load.
 */
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';

export interface OverlayProps {
  map: MapLibreMap;
  client: DataClient;
  manifest: Manifest;
  /** Current zoom (updated on zoomend). */
  zoom: number;
  /** Increments when the map stops moving. */
  settled: number;
  /** Hands this overlay's layers to the map (an empty list takes them away). */
  report(layers: Layer[]): void;
}
