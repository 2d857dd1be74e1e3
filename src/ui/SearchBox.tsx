/**
 * The search field of the header. The search itself (src/ui/Search.tsx, with
 * its index of 40,000 names) is not needed to draw the first map, so it is
 * loaded once the map has drawn, or as soon as someone focuses the field;
 * until then this plain field stands in, and what is typed into it carries
 * over.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Msg } from '../config/catalogue/types.ts';
import type { DataClient } from '../data/client.ts';
import { useFormats } from '../i18n/useText.ts';
import { atlasStatus } from '../map/status.ts';

export const SEARCH_FIELD_MESSAGES = {
  label: { id: 'search.label', defaultMessage: 'Search for an authority, ward or neighbourhood' },
  placeholder: { id: 'search.placeholder', defaultMessage: 'Search a place, ward or code' },
} satisfies Record<string, Msg>;

const Search = lazy(() => import('./Search.tsx').then((m) => ({ default: m.Search })));

/** Longest wait for the first map before the search loads anyway. */
const LOAD_ANYWAY_MS = 4000;

export function SearchBox({ client }: { client: DataClient }) {
  const f = useFormats();
  const [wanted, setWanted] = useState(false);
  const [typed, setTyped] = useState({ text: '', focused: false });

  useEffect(() => {
    const start = () => setWanted(true);
    if (atlasStatus.firstReadyAt !== null) start();
    window.addEventListener('atlas:ready', start, { once: true });
    const timer = setTimeout(start, LOAD_ANYWAY_MS);
    return () => {
      window.removeEventListener('atlas:ready', start);
      clearTimeout(timer);
    };
  }, []);

  const standIn = (
    <div className="search">
      <label htmlFor="search-stand-in" className="visually-hidden">
        {f.t(SEARCH_FIELD_MESSAGES.label)}
      </label>
      <input
        id="search-stand-in"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={f.t(SEARCH_FIELD_MESSAGES.placeholder)}
        value={typed.text}
        onFocus={() => {
          setTyped((t) => ({ ...t, focused: true }));
          setWanted(true);
        }}
        onChange={(event) => setTyped({ text: event.target.value, focused: true })}
      />
    </div>
  );
  if (!wanted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <Search client={client} initialText={typed.text} autoFocus={typed.focused} />
    </Suspense>
  );
}
