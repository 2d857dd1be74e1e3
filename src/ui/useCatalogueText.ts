/**
 * A long text of the catalogue (src/config/catalogue/texts/) for a component
 * of the first view (the legend's note): the texts load once the map has
 * drawn its first view (useFirstMapDrawn), so the map never waits for them.
 * Undefined until they are in.
 */
import { useEffect, useState } from 'react';
import type { TextRef } from '../config/catalogue/types.ts';
import { useFirstMapDrawn } from '../map/status.ts';

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
  const drawn = useFirstMapDrawn();
  const [texts, setTexts] = useState(loaded);
  useEffect(() => {
    // Without the texts the note is left out.
    if (drawn && !texts) load().then(setTexts, () => {});
  }, [drawn, texts]);
  return ref && texts?.catalogueText(ref);
}
