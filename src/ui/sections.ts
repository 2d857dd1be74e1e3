/**
 * Panel sections of computed layers: a layer whose figures are computed in
 * the browser (catalogue `computed`) brings its own part of the area panel,
 * loaded only when such a layer is shown. The panel asks for the section of
 * the current layer and never branches on which layer it is.
 */
import { lazy } from 'react';
import type { LayerEntry } from '../config/catalogue/types.ts';

const segregation = () => import('./segregation/SegregationSection.tsx');

const SEGREGATION = {
  Area: lazy(() => segregation().then((module) => ({ default: module.SegregationAreaSection }))),
  Set: lazy(() => segregation().then((module) => ({ default: module.SegregationSetSection }))),
};

export type PanelSections = typeof SEGREGATION;

/** The panel sections of a layer, if it brings its own. */
export function panelSectionsFor(layer: LayerEntry): PanelSections | undefined {
  // Dot density has the same units files as ethnic segregation: its panel is the areas' composition.
  return layer.computed ? SEGREGATION : undefined;
}
