/**
 * Find an authority, ward or LSOA by name or code: an ARIA 1.2 combobox
 * (arrow keys move through the suggestions, Enter chooses, Escape closes),
 * whose choice selects the area and flies the map to it.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Msg } from '../config/catalogue/types.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import type { DataClient } from '../data/client.ts';
import { searchAreas, searchEntry, type SearchEntry } from '../data/search.ts';
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';
import { SEARCH_FIELD_MESSAGES } from './SearchBox.tsx';

const MESSAGES = {
  ...SEARCH_FIELD_MESSAGES,
  suggestions: { id: 'search.suggestions', defaultMessage: 'Suggestions' },
  unavailable: { id: 'search.unavailable', defaultMessage: 'Search is unavailable: {error}' },
  loading: { id: 'search.loading', defaultMessage: 'Loading place names…' },
  none: { id: 'search.none', defaultMessage: 'No area matches. Try a name, or a code like E05011151.' },
  count: {
    id: 'search.count',
    defaultMessage: '{count, plural, one {# suggestion} other {# suggestions}}. Use up and down arrows to choose.',
  },
  /** Where a result is, by its level: "Local authority", "Ward in Merton", "LSOA in Abbey". */
  context: {
    id: 'search.context',
    defaultMessage: '{level, select, lad {Local authority} ward {Ward in {parent}} other {LSOA in {parent}}}',
  },
  code: { id: 'search.code', defaultMessage: '{context} · {code}' },
  level: { id: 'search.level', defaultMessage: ' ({level})' },
} satisfies Record<string, Msg>;

async function buildIndex(client: DataClient): Promise<SearchEntry[]> {
  const [lads, wards, lsoas, details] = await Promise.all([
    client.groupAreas('lad'),
    client.groupAreas('ward'),
    client.areas('lsoa'),
    client.lsoaDetails(),
  ]);
  const entries: SearchEntry[] = [];
  lads.codes.forEach((code, i) => entries.push(searchEntry(code, lads.names[i], 'lad', '')));
  wards.codes.forEach((code, i) => entries.push(searchEntry(code, wards.names[i], 'ward', lads.names[wards.lad![i]])));
  lsoas.codes.forEach((code, i) => entries.push(searchEntry(code, details.names[i], 'lsoa', wards.names[details.ward[i]])));
  return entries;
}

/** `initialText` and `autoFocus` carry over what was typed into the stand-in field (SearchBox.tsx). */
export function Search({ client, initialText = '', autoFocus = false }: { client: DataClient; initialText?: string; autoFocus?: boolean }) {
  const f = useFormats();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(autoFocus && initialText.length > 0);
  const [active, setActive] = useState(-1);
  const [entries, setEntries] = useState<SearchEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const loading = useRef(false);
  const select = useAppStore((s) => s.select);
  const setView = useAppStore((s) => s.setView);

  const ensureIndex = () => {
    if (entries || loading.current) return;
    loading.current = true;
    buildIndex(client).then(
      (built) => setEntries(built),
      (error: Error) => {
        loading.current = false;
        setLoadError(error.message);
      },
    );
  };

  const results = useMemo(() => (entries ? searchAreas(entries, text) : []), [entries, text]);
  const showList = open && text.trim().length > 0;

  const choose = (entry: SearchEntry) => {
    setText(entry.name);
    setOpen(false);
    setActive(-1);
    select(entry.code, { fly: true });
    if (useAppStore.getState().view === 'about') setView('map');
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length ? (i + 1) % results.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (results.length ? (i <= 0 ? results.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      const entry = results[active] ?? results[0];
      if (entry && showList) {
        event.preventDefault();
        choose(entry);
      }
    } else if (event.key === 'Escape') {
      if (showList) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  let status = '';
  if (showList) {
    if (loadError) status = f.t(MESSAGES.unavailable, { error: loadError });
    else if (!entries) status = f.t(MESSAGES.loading);
    else if (results.length === 0) status = f.t(MESSAGES.none);
    else status = f.t(MESSAGES.count, { count: results.length });
  }

  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {f.t(MESSAGES.label)}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 && results[active] ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={f.t(MESSAGES.placeholder)}
        value={text}
        onFocus={() => {
          ensureIndex();
          setOpen(true);
        }}
        onChange={(event) => {
          ensureIndex();
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={f.t(MESSAGES.suggestions)} className="search__list" hidden={!showList || results.length === 0}>
        {results.map((entry, i) => (
          <li
            key={entry.code}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'search__option search__option--active' : 'search__option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span className="search__name">{entry.name}</span>
            <span className="search__context">
              {f.t(MESSAGES.code, { context: f.t(MESSAGES.context, { level: entry.level, parent: entry.parent }), code: entry.code })}
              <span className="visually-hidden">{f.t(MESSAGES.level, { level: f.t(LEVEL_NAMES[entry.level].singular) })}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {showList && (loadError || !entries || results.length === 0) && (
        <div className="search__empty" aria-hidden="true">
          {status}
        </div>
      )}
    </div>
  );
}
