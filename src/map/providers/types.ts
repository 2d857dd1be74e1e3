/**
 * A map layer provider: everything that differs by kind of layer (areas
 * coloured by class now; points and dots next). The map asks the provider of
 * the current layer's kind for its deck.gl layers, what a pick selects, its
 * tooltip and its legend block, and never branches on the kind itself.
 */
import type { ComponentType } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LayerKind } from '../../config/catalogue/types.ts';
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';
import type { SelectionRef } from '../../state/url.ts';
import type { ViewSpec } from '../../state/viewSpec.ts';
import type { TileStore } from '../tileStore.ts';

/** What the pointer is over. */
export interface HoverState {
  object: unknown;
  x: number;
  y: number;
}

/** What a provider's map component hands to the map: its deck.gl layers and the data its tooltip reads. */
export interface ProvidedLayers {
  /** The view spec key these layers draw (for the ready signal of tests and the benchmark). */
  key: string;
  layers: Layer[];
  data: unknown;
}

export interface ProviderLayerProps {
  client: DataClient;
  tiles: TileStore;
  spec: ViewSpec;
  /** Whether a basemap is drawn under the data. */
  basemap: boolean;
  onHover(info: PickingInfo): void;
  onClick(info: PickingInfo, event: { srcEvent?: { shiftKey?: boolean } }): void;
  /** The tiles of the current viewport have loaded. */
  onViewportLoad(key: string): void;
  onLayers(provided: ProvidedLayers): void;
}

export interface ProviderTooltipProps {
  client: DataClient;
  spec: ViewSpec;
  hover: HoverState;
  data: unknown;
}

export interface ProviderLegendProps {
  client: DataClient;
  spec: ViewSpec;
  manifest: Manifest;
}

export interface MapLayerProvider {
  kind: LayerKind;
  /** Loads the layer's data and hands its deck.gl layers to the map (renders nothing). */
  Layer: ComponentType<ProviderLayerProps>;
  Tooltip: ComponentType<ProviderTooltipProps>;
  Legend: ComponentType<ProviderLegendProps>;
  /** What clicking (or pressing Enter on) a picked object selects. */
  pick(object: unknown): SelectionRef | null;
  /** The area codes a picked object stands for, for shift-click set selection (none for points). */
  areaOf(object: unknown): string | null;
}
