/**
 * A long text of the catalogue (src/config/catalogue/texts/) for a component
 * of the first view (the legend's note): the texts are loaded after the
 * first map, on first use, so the map does not wait for them. Undefined until
 * they are in.
 */
import { useEffect, useState } from 'react';
import type { TextRef } from '../config/catalogue/types.ts';

type Texts = typeof import('../config/catalogue/texts/index.ts');
let loaded: Texts | null = null;
let loading: Promise<Texts> | null = null;

/** Resolves once the map has drawn its first view (src/map/status.ts says so with `atlas:ready`), or after a while without a map. */
function afterFirstMap(): Promise<void> {
  if ((window as { __atlas?: { firstReadyAt: number | null } }).__atlas?.firstReadyAt != null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, 3000);
    window.addEventListener(
      'atlas:ready',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

/** Loads the texts now, without waiting for the map (for views without one, and for tests that render once). */
export async function loadCatalogueTexts(): Promise<void> {
  loaded ??= await import('../config/catalogue/texts/index.ts');
}

export function useCatalogueText(ref: TextRef): string | undefined {
  const [texts, setTexts] = useState<Texts | null>(loaded);
  useEffect(() => {
    if (texts) return;
    let current = true;
    loading ??= afterFirstMap()
      .then(() => import('../config/catalogue/texts/index.ts'))
      .then((module) => (loaded = module));
    loading.then((module) => current && setTexts(module)).catch(() => {
      // A failed load leaves the note out; the next mount tries again.
      loading = null;
    });
    return () => {
      current = false;
    };
  }, [texts]);
  return texts?.catalogueText(ref);
}
