/**
 * The resident panel's code, loaded once and shared by the page (which
 * shows the panel when a place is set) and the search (which loads it while
 * a postcode is typed). Once loaded, the page draws the panel directly: a
 * lazy component suspends on its first showing, and React holds a suspended
 * part of the page back about 300 ms before showing it, which alone would
 * exceed the list's time budget.
 */
import { lazy, type ComponentType } from 'react';
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';

type PanelProps = { client: DataClient; manifest: Manifest };

let loaded: ComponentType<PanelProps> | undefined;
export const loadResidentPanel = () => import('./ResidentPanel.tsx').then((module) => ((loaded = module.default), module));
const LazyPanel = lazy(loadResidentPanel);
let chosen: ComponentType<PanelProps> | undefined;

/** The panel component: the loaded one if its code is in, else the lazy one; the same for the page's life, so that it never remounts. */
export const residentPanel = (): ComponentType<PanelProps> => (chosen ??= loaded ?? LazyPanel);
