/**
 * A long text of the catalogue (src/config/catalogue/texts/) for a component
 * of the first view (the legend's note): the texts load once the map has
 * drawn its first view (src/map/status.ts says so with `atlas:ready`), so the
 * map never waits for them. Undefined until they are in.
 */
import { useEffect, useState } from 'react';
import type { TextRef } from '../config/catalogue/types.ts';

type Texts = typeof import('../config/catalogue/texts/index.ts');
let loaded: Texts | null = null;
let loading: Promise<Texts> | null = null;

const load = () =>
  (loading ??= import('../config/catalogue/texts/index.ts').then(
    (module) => (loaded = module),
    (error) => {
      // Tried again at the next mount.
      loading = null;
      throw error;
    },
  ));

/** Loads the texts now, without waiting for the map (for tests that render once). */
export const loadCatalogueTexts = load;

export function useCatalogueText(ref: TextRef | undefined): string | undefined {
  const [texts, setTexts] = useState(loaded);
  useEffect(() => {
    if (texts) return;
    // Without the texts the note is left out.
    const show = () => load().then(setTexts, () => {});
    if (window.__atlas?.firstReadyAt != null) show();
    else window.addEventListener('atlas:ready', show, { once: true });
    return () => window.removeEventListener('atlas:ready', show);
  }, [texts]);
  return ref && texts?.catalogueText(ref);
}
