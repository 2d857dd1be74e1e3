/**
 * Areas coloured by class: the provider of every layer of kind 'area'. It
 * loads the class file of the view (one array per release) and the area
 * index, draws the choropleth from the shared vector tiles, selects the
 * area under a click and shows the class legend and the area tooltip.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { DataClient, Classes } from '../../data/client.ts';
import type { ViewSpec } from '../../state/viewSpec.ts';
import { ClassLegend } from '../../ui/ClassLegend.tsx';

// Only needed once the pointer is over the map: loaded then, not with the first map.
const AreaTooltip = lazy(() => import('../../ui/AreaTooltip.tsx').then((m) => ({ default: m.AreaTooltip })));
import { choroplethLayer, type AreaFeature } from '../layers.ts';
import type { MapLayerProvider, ProviderLayerProps } from './types.ts';
import { notifyProblems } from '../../state/notifyProblems.ts';

/** What the choropleth's tooltip reads: the classes drawn and the area index of the level. */
export interface ChoroplethData {
  spec: ViewSpec;
  classes: Uint8Array;
  indexOf: Map<string, number>;
}

/** The classes of a view, once loaded; the previous view's stay on screen until then. */
function useClassData(client: DataClient, spec: ViewSpec): ChoroplethData | null {
  const [data, setData] = useState<ChoroplethData | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([client.areas(spec.level), client.classes(spec.paths.classes)]).then(
      ([areas, file]: [{ indexOf: Map<string, number> }, Classes]) => {
        performance.mark(`atlas:classes:${spec.key}`);
        if (current) setData({ spec, classes: file.classes[spec.releaseIndex] ?? new Uint8Array(0), indexOf: areas.indexOf });
      },
      (error: Error) => notifyProblems([{ key: 'coloursFailed', values: { error: error.message } }], 'error'),
    );
    return () => {
      current = false;
    };
  }, [client, spec]);
  return data;
}

function ChoroplethLayer({ client, tiles, spec, basemap, onHover, onClick, onViewportLoad, onLayers }: ProviderLayerProps) {
  const data = useClassData(client, spec);
  useEffect(() => {
    if (!data) return;
    const layer = choroplethLayer({
      level: data.spec.level,
      classes: data.classes,
      colours: data.spec.colours,
      indexOf: data.indexOf,
      version: data.spec.key,
      tiles,
      opacity: basemap ? 0.72 : 1,
      onHover: onHover as (info: PickingInfo<AreaFeature>) => void,
      onClick: onClick as ProviderLayerProps['onClick'],
      onViewportLoad: () => onViewportLoad(data.spec.key),
    });
    onLayers({ key: data.spec.key, layers: [layer], data });
  }, [data, tiles, basemap, onHover, onClick, onViewportLoad, onLayers]);
  return null;
}

const codeOf = (object: unknown): string | null => (object as AreaFeature | undefined)?.properties?.code ?? null;

export const choroplethProvider: MapLayerProvider = {
  kind: 'area',
  Layer: ChoroplethLayer,
  Tooltip: ({ client, hover, data }) => (
    <Suspense fallback={null}>
      <AreaTooltip client={client} code={codeOf(hover.object)} x={hover.x} y={hover.y} data={data as ChoroplethData | null} />
    </Suspense>
  ),
  Legend: ClassLegend,
  pick: (object) => {
    const code = codeOf(object);
    return code ? { kind: 'area', code } : null;
  },
  areaOf: codeOf,
};
