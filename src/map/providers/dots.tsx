/**
 * Dot density: the provider of layers of kind 'dots' (one dot per resident,
 * coloured by group; src/config/catalogue/dots.ts). This module is small and
 * in the first load only because the providers' table is; everything it
 * draws with (the dot layer, the worker, the legend and the tooltip) is in
 * src/map/dots/ and loaded when a dot layer is first shown.
 */
import { lazy, Suspense } from 'react';
import type { MapLayerProvider, ProviderLayerProps, ProviderLegendProps, ProviderTooltipProps } from './types.ts';

const DotsLayer = lazy(() => import('../dots/DotsLayer.tsx'));
const DotsLegend = lazy(() => import('../dots/DotsLegend.tsx'));
const DotsTooltip = lazy(() => import('../dots/DotsTooltip.tsx'));

/** The LSOA of a picked dot ({ kind: 'dot', code, group }, see dots/DotsLayer.tsx). */
const codeOf = (object: unknown): string | null => {
  const dot = object as { kind?: string; code?: string } | null | undefined;
  return dot?.kind === 'dot' && typeof dot.code === 'string' ? dot.code : null;
};

export const dotsProvider: MapLayerProvider = {
  kind: 'dots',
  Layer: (props: ProviderLayerProps) => (
    <Suspense fallback={null}>
      <DotsLayer {...props} />
    </Suspense>
  ),
  Tooltip: (props: ProviderTooltipProps) => (
    <Suspense fallback={null}>
      <DotsTooltip {...props} />
    </Suspense>
  ),
  Legend: (props: ProviderLegendProps) => (
    <Suspense fallback={null}>
      <DotsLegend {...props} />
    </Suspense>
  ),
  pick: (object) => {
    const code = codeOf(object);
    return code ? { kind: 'area', code } : null;
  },
  areaOf: codeOf,
};
