/**
 * The dot layer's map part (loaded with the layer, not with the first map):
 * a deck.gl TileLayer whose tiles are dot tiles placed by the worker, each
 * drawn as one ScatterplotLayer over binary attributes (positions as a
 * Float32Array, colours as a Uint8Array; no object per dot). deck.gl draws
 * only the tiles in view, and at lower zooms the parent tiles' dots (a subset
 * of their children's) stand in while children load.
 */
import { useEffect, useState } from 'react';
import { TileLayer } from '@deck.gl/geo-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { GetPickingInfoParams } from '@deck.gl/core';
import { useAppStore } from '../../state/store.ts';
import type { ProviderLayerProps } from '../providers/types.ts';
import { atlasStatus } from '../status.ts';
import { TILE_MIN_ZOOM } from '../style.ts';
import type { TileDots } from './engine.ts';
import { DOT_TILE_ZOOM, peoplePerDot } from './placement.ts';
import { countInView, createDotSource, loadDotCounts, type DotCounts, type DotSource } from './source.ts';
import { dotsStatus, useDotsView } from './state.ts';

/** What hovering or clicking a dot gives: its LSOA and group. */
export interface DotObject {
  kind: 'dot';
  code: string;
  group: number;
}

/** What the tooltip reads. */
export interface DotsData {
  codes: string[];
}

const LOAD_FAILED = { id: 'dots.loadFailed', defaultMessage: 'The dots could not be loaded: {error}' };

/** The dot tile zoom deck.gl uses at a map zoom (512-pixel tiles, zoomOffset −0.5). */
export const dotTileZoom = (mapZoom: number) => Math.min(DOT_TILE_ZOOM, Math.max(TILE_MIN_ZOOM, Math.round(mapZoom - 0.5)));

/** A dot tile as deck.gl takes binary data: its length and attributes beside the arrays. */
type BinaryTile = TileDots & { attributes: Record<string, { value: Float32Array | Uint8Array; size: number }> };

class DotTileLayer extends TileLayer<TileDots> {
  static layerName = 'DotTileLayer';
  getPickingInfo(params: GetPickingInfoParams) {
    const info = super.getPickingInfo(params);
    const content = info.tile?.content;
    const codes = (this.props as unknown as { codes: string[] }).codes;
    if (info.picked && content && info.index >= 0 && info.index < content.length) {
      info.object = { kind: 'dot', code: codes[content.lsoa[info.index]], group: content.group[info.index] } satisfies DotObject;
    }
    return info;
  }
}

function dotsLayer(source: DotSource, data: DotCounts, key: string, props: Pick<ProviderLayerProps, 'onHover' | 'onClick' | 'onViewportLoad'>) {
  return new DotTileLayer({
    id: 'dots',
    codes: data.codes,
    minZoom: TILE_MIN_ZOOM,
    maxZoom: DOT_TILE_ZOOM,
    tileSize: 512,
    zoomOffset: -0.5,
    pickable: true,
    // The binary attributes are made once per tile: a new data object on every viewport change would make deck.gl upload them again.
    getTileData: ({ index, signal }: { index: { x: number; y: number; z: number }; signal?: AbortSignal }) =>
      source.tileDots(index.z, index.x, index.y, signal).then((dots): BinaryTile => ({ ...dots, attributes: { getPosition: { value: dots.positions, size: 2 }, getFillColor: { value: dots.colours, size: 3 } } })),
    renderSubLayers: (sub: { id: string; data: BinaryTile | null }) =>
      sub.data && sub.data.length
        ? new ScatterplotLayer({
            id: sub.id,
            data: sub.data,
            radiusUnits: 'meters',
            getRadius: 2.5,
            radiusMinPixels: 1.1,
            radiusMaxPixels: 6,
            stroked: false,
            filled: true,
            antialiasing: false,
            pickable: true,
          })
        : null,
    onHover: props.onHover,
    onClick: props.onClick,
    onViewportLoad: () => props.onViewportLoad(key),
  } as ConstructorParameters<typeof TileLayer<TileDots>>[0]);
}

/** Keeps the legend's people per dot and counts in view up to date with the map. */
function useViewCounts(data: DotCounts | null) {
  useEffect(() => {
    const map = atlasStatus.map;
    if (!map || !data) return;
    const update = () => {
      const b = map.getBounds();
      const { lsoas, sums } = countInView(data, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      useDotsView.setState({ perDot: peoplePerDot(dotTileZoom(map.getZoom())), counted: lsoas.map((i) => data.codes[i]), sums, error: null });
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [data]);
}

export default function DotsLayer({ client, tiles, spec, onHover, onClick, onViewportLoad, onLayers }: ProviderLayerProps) {
  const [loaded, setLoaded] = useState<{ source: DotSource; data: DotCounts } | null>(null);
  const grouping = spec.layer.computed?.grouping ?? 'ethnicity';
  const categories = spec.layer.classes.kind === 'categories' ? spec.layer.classes.categories : [];
  const release = spec.release.id;
  const colours = spec.colours;
  useEffect(() => {
    let current = true;
    let created: DotSource | null = null;
    loadDotCounts(client, grouping, release, categories.map((c) => c.id)).then(
      (data) => {
        if (!current) return;
        created = createDotSource(tiles, data, colours.slice(1));
        dotsStatus.source = created;
        setLoaded({ source: created, data });
      },
      (error: Error) => {
        useDotsView.setState({ error: error.message });
        useAppStore.getState().notify({ msg: LOAD_FAILED, values: { error: error.message } }, 'error');
      },
    );
    return () => {
      current = false;
      created?.dispose();
      if (dotsStatus.source === created) dotsStatus.source = null;
    };
    // The categories and colours follow the layer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, tiles, spec.layer, grouping, release]);
  useViewCounts(loaded?.data ?? null);
  useEffect(() => {
    if (!loaded) return;
    const layer = dotsLayer(loaded.source, loaded.data, spec.key, { onHover, onClick, onViewportLoad });
    onLayers({ key: spec.key, layers: [layer], data: { codes: loaded.data.codes } satisfies DotsData });
  }, [loaded, spec.key, onHover, onClick, onViewportLoad, onLayers]);
  return null;
}
