/**
 * What the dot layer shares with its legend: people per dot at the current
 * zoom and the people of each group in the LSOAs in view. Exposed as
 * `window.__atlasDots` for the browser tests and the benchmark.
 */
import { create } from 'zustand';
import type { DotSource } from './source.ts';

export interface DotsView {
  /** People per dot at the current zoom. */
  perDot: number;
  /** Codes of the LSOAs counted (those whose box overlaps the view). */
  counted: string[];
  /** People of each group (the layer's category order) in those LSOAs. */
  sums: number[];
  /** Failed to load (the units file is missing): the message. */
  error: string | null;
}

export const useDotsView = create<DotsView>(() => ({ perDot: 1, counted: [], sums: [], error: null }));

declare global {
  interface Window {
    __atlasDots?: { view: () => DotsView; source: DotSource | null };
  }
}

export const dotsStatus: { source: DotSource | null } = { source: null };
if (typeof window !== 'undefined') window.__atlasDots = { view: () => useDotsView.getState(), get source() { return dotsStatus.source; } };
