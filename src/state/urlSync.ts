/**
 * Mirrors the store in the address bar. Choices a person makes (indicator,
 * level, selection, view…) push a history entry, so back and forward step
 * through them; moving the map only replaces the current entry, so the
 * history is not flooded by panning.
 */
import type { StoreApi, UseBoundStore } from 'zustand';
import { formatUrlState, linkedLayers, parseUrlState, type UrlState } from './url.ts';
import { notifyProblems } from './notifyProblems.ts';
import { urlStateOf, type AppState } from './store.ts';

const REPLACE_ONLY: (keyof UrlState)[] = ['viewport', 'sort'];

function changedKeys(a: UrlState, b: UrlState): (keyof UrlState)[] {
  return (Object.keys(a) as (keyof UrlState)[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** Starts mirroring; call once the later layers a link names have loaded (url.ts linkedLayers). */
export function startUrlSync(store: UseBoundStore<StoreApi<AppState>>): () => void {
  const applyLocation = () => {
    const { state, problems } = parseUrlState(window.location.search);
    store.getState().applyUrlState(state);
    notifyProblems(problems);
  };
  applyLocation();
  let current = urlStateOf(store.getState());
  const target = () => `${window.location.pathname}${formatUrlState(current)}${window.location.hash}`;
  window.history.replaceState(null, '', target());

  const unsubscribe = store.subscribe((state) => {
    const next = urlStateOf(state);
    const changed = changedKeys(current, next);
    if (changed.length === 0) return;
    current = next;
    const url = target();
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (changed.every((key) => REPLACE_ONLY.includes(key))) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  });

  const onPopState = async () => {
    const search = window.location.search;
    await linkedLayers(search);
    if (search !== window.location.search) return;
    const { state, problems } = parseUrlState(search);
    current = state;
    store.getState().applyUrlState(state);
    notifyProblems(problems);
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
