/**
 * The one store of the app. Its view settings (UrlState) are mirrored in the
 * URL by urlSync.ts; everything else here is transient: notices, and the
 * one-shot request to move the camera to an area.
 */
import { create } from 'zustand';
import type { IndicatorId } from '../config/indicators.ts';
import type { Level } from '../config/geography.ts';
import type { Measure } from '../config/measures.ts';
import { DEFAULT_URL_STATE, roundViewport, type TableSort, type UrlState, type View, type Viewport } from './url.ts';

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'warning' | 'error';
}

export interface AppState extends UrlState {
  notices: Notice[];
  /** Set when the camera should go to an area; the map clears it once it has moved. */
  cameraTarget: { code: string; id: number; instant?: boolean } | null;

  setLevel(level: Level): void;
  setIndicator(indicator: IndicatorId): void;
  setMeasure(measure: Measure): void;
  /** Selects an area; `fly` also moves the camera to it. */
  select(code: string | null, options?: { fly?: boolean; instant?: boolean }): void;
  /** Moves the camera to an area without selecting it. */
  flyTo(code: string): void;
  setViewport(viewport: Viewport): void;
  setView(view: View): void;
  setTableLad(code: string | null): void;
  setSort(sort: TableSort): void;
  applyUrlState(state: UrlState): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
  cameraDone(): void;
}

let noticeId = 0;
let cameraId = 0;

function sameViewport(a: Viewport | null, b: Viewport | null): boolean {
  return a === b || (a !== null && b !== null && a.zoom === b.zoom && a.latitude === b.latitude && a.longitude === b.longitude);
}

export const useAppStore = create<AppState>()((set, get) => ({
  ...DEFAULT_URL_STATE,
  notices: [],
  cameraTarget: null,

  setLevel: (level) => set({ level }),
  setIndicator: (indicator) => set({ indicator }),
  setMeasure: (measure) => set({ measure }),
  select: (code, options) =>
    set({
      selection: code,
      cameraTarget: code && options?.fly ? { code, id: ++cameraId, instant: options.instant } : get().cameraTarget,
    }),
  flyTo: (code) => set({ cameraTarget: { code, id: ++cameraId } }),
  setViewport: (viewport) => {
    const rounded = roundViewport(viewport);
    if (!sameViewport(rounded, get().viewport)) set({ viewport: rounded });
  },
  setView: (view) => set({ view }),
  setTableLad: (tableLad) => set({ tableLad }),
  setSort: (sort) => set({ sort }),
  applyUrlState: (state) => set({ ...state }),
  notify: (text, tone = 'warning') => {
    if (get().notices.some((notice) => notice.text === text)) return;
    set({ notices: [...get().notices, { id: ++noticeId, text, tone }] });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  cameraDone: () => set({ cameraTarget: null }),
}));

/** The part of the state that the URL holds. */
export function urlStateOf(state: AppState): UrlState {
  const { level, indicator, measure, selection, viewport, view, tableLad, sort } = state;
  return { level, indicator, measure, selection, viewport, view, tableLad, sort };
}
