/**
 * The providers by kind of layer. A new kind (points of services, dots of
 * groups) is a new module and a line here.
 */
import type { LayerKind } from '../../config/catalogue/types.ts';
import { choroplethProvider } from './choropleth.tsx';
import { dotsProvider } from './dots.tsx';
import type { MapLayerProvider } from './types.ts';

const PROVIDERS: Record<LayerKind, MapLayerProvider> = {
  area: choroplethProvider,
  dots: dotsProvider,
};

export function providerFor(kind: LayerKind): MapLayerProvider {
  return PROVIDERS[kind];
}
