/**
 * For views that list every layer (the About page, an area's panel): loads
 * the later themes' entries (catalogue/index.ts LATER_LAYERS) and renders
 * again once they are in. Until then the views list the layers already
 * loaded.
 */
import { loadAllLayers } from '../config/catalogue/index.ts';
import { useAsync } from './useAsync.ts';

export function useAllLayers(): boolean {
  return useAsync(() => loadAllLayers().then(() => true), []).value === true;
}
