/**
 * The one store of the app. Its view settings (UrlState) are mirrored in the
 * URL by urlSync.ts; everything else here is transient: notices, and the
 * one-shot request to move the camera to an area.
 */
import { create } from 'zustand';
import type { Msg } from '../config/catalogue/types.ts';
import { levelOfCode, type Level } from '../config/geography.ts';
import { SERVICE_TYPE_IDS } from '../config/serviceTypes.ts';
import {
  DEFAULT_URL_STATE,
  MAX_SELECTED_AREAS,
  MAX_SELECTION_NAME,
  normaliseChoice,
  type Choice,
  type PlaceRef,
  roundPlace,
  roundViewport,
  type Problem,
  type SelectionRef,
  type TableSort,
  type UrlState,
  type View,
  type Viewport,
} from './url.ts';

export interface Notice {
  id: number;
  /** The text, as a message (translated when shown) with its values. */
  msg: Msg;
  values?: Problem['values'];
  tone: 'info' | 'warning' | 'error';
}

export interface AppState extends UrlState {
  notices: Notice[];
  /** Set when the camera should go to an area; the map clears it once it has moved. */
  cameraTarget: { code: string; id: number; instant?: boolean } | null;

  setLayer(layer: string): void;
  setLevel(level: Level): void;
  setMeasure(measure: string | null): void;
  setRelease(release: string | null): void;
  /** The groups compared (a comparison id of the layer), null for its default. */
  setGroups(groups: string | null): void;
  /** Names the set selection (empty: no name). */
  setSelectionName(name: string | null): void;
  /** Selects one area by code; `fly` also moves the camera to it. */
  select(code: string | null, options?: { fly?: boolean; instant?: boolean }): void;
  /** Selects anything: an area, a feature, a set of areas. */
  selectRef(selection: SelectionRef | null): void;
  /** Adds an area to the set selection, or takes it out (shift-click). */
  toggleArea(code: string): void;
  /** Moves the camera to an area without selecting it. */
  flyTo(code: string): void;
  setViewport(viewport: Viewport): void;
  setView(view: View): void;
  setTableLad(code: string | null): void;
  setSort(sort: TableSort): void;
  /** The place "near me" is about (null: none); with a place and no service type chosen, every type is. */
  setPlace(place: PlaceRef | null): void;
  setServices(types: UrlState['services']): void;
  setWithin(within: UrlState['within']): void;
  applyUrlState(state: UrlState): void;
  notify(problem: Problem, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
  cameraDone(): void;
}

let noticeId = 0;
let cameraId = 0;

function sameViewport(a: Viewport | null, b: Viewport | null): boolean {
  return a === b || (a !== null && b !== null && a.zoom === b.zoom && a.latitude === b.latitude && a.longitude === b.longitude);
}

export const useAppStore = create<AppState>()((set, get) => {
  const choose = (change: Partial<Choice>) => {
    const { layer, level, measure, release, groups } = get();
    set(normaliseChoice({ layer, level, measure, release, groups, ...change }));
  };
  return {
    ...DEFAULT_URL_STATE,
    notices: [],
    cameraTarget: null,

    setLayer: (layer) => choose({ layer }),
    setLevel: (level) => choose({ level }),
    setMeasure: (measure) => choose({ measure }),
    setRelease: (release) => choose({ release }),
    setGroups: (groups) => choose({ groups }),
    setSelectionName: (name) => {
      const trimmed = name?.replace(/\s+/g, ' ').trim();
      set({ selectionName: trimmed ? [...trimmed].slice(0, MAX_SELECTION_NAME).join('') : null });
    },
    select: (code, options) =>
      set({
        selection: code ? { kind: 'area', code } : null,
        selectionName: null,
        cameraTarget: code && options?.fly ? { code, id: ++cameraId, instant: options.instant } : get().cameraTarget,
      }),
    selectRef: (selection) => set({ selection, selectionName: selection?.kind === 'areas' ? get().selectionName : null }),
    toggleArea: (code) => {
      const current = get().selection;
      // A set holds areas of one level (as a link does): an area of another level starts a new one.
      const codes = (current?.kind === 'areas' ? current.codes : current?.kind === 'area' ? [current.code] : []).filter((c) => levelOfCode(c) === levelOfCode(code));
      const next = codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code].slice(0, MAX_SELECTED_AREAS);
      const selection: SelectionRef | null = next.length === 0 ? null : next.length === 1 ? { kind: 'area', code: next[0] } : { kind: 'areas', codes: next };
      set({ selection, selectionName: selection?.kind === 'areas' ? get().selectionName : null });
    },
    flyTo: (code) => set({ cameraTarget: { code, id: ++cameraId } }),
    setViewport: (viewport) => {
      const rounded = roundViewport(viewport);
      if (!sameViewport(rounded, get().viewport)) set({ viewport: rounded });
    },
    setView: (view) => set({ view }),
    setTableLad: (tableLad) => set({ tableLad }),
    setSort: (sort) => set({ sort }),
    setPlace: (place) => set({ place: place && roundPlace(place), services: place && get().services.length === 0 ? [...SERVICE_TYPE_IDS] : get().services }),
    setServices: (services) => set({ services: SERVICE_TYPE_IDS.filter((id) => services.includes(id)) }),
    setWithin: (within) => set({ within }),
    applyUrlState: (state) => set({ ...state }),
    notify: (problem, tone = 'warning') => {
      const key = JSON.stringify([problem.msg.id, problem.values]);
      if (get().notices.some((notice) => JSON.stringify([notice.msg.id, notice.values]) === key)) return;
      set({ notices: [...get().notices, { id: ++noticeId, msg: problem.msg, values: problem.values, tone }] });
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
    cameraDone: () => set({ cameraTarget: null }),
  };
});

/** The part of the state that the URL holds. */
export function urlStateOf(state: AppState): UrlState {
  const { layer, level, measure, release, groups, selection, selectionName, viewport, view, tableLad, sort, place, services, within } = state;
  return { layer, level, measure, release, groups, selection, selectionName, viewport, view, tableLad, sort, place, services, within };
}

/** The code of the selected area when exactly one area is selected (for hooks: `useAppStore(selectedArea)`). */
export const selectedArea = (state: AppState): string | null => (state.selection?.kind === 'area' ? state.selection.code : null);
