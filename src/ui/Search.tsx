/**
 * Find an authority, ward or LSOA by name or code: an ARIA 1.2 combobox
 * (arrow keys move through the suggestions, Enter chooses, Escape closes),
 * whose choice selects the area and flies the map to it.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { LEVEL_LABELS } from '../config/geography.ts';
import type { DataClient } from '../data/client.ts';
import { searchAreas, searchEntry, type SearchEntry } from '../data/search.ts';
import { useAppStore } from '../state/store.ts';

async function buildIndex(client: DataClient): Promise<SearchEntry[]> {
  const [lads, wards, lsoas, details] = await Promise.all([
    client.groupAreas('lad'),
    client.groupAreas('ward'),
    client.areas('lsoa'),
    client.lsoaDetails(),
  ]);
  const entries: SearchEntry[] = [];
  lads.codes.forEach((code, i) => entries.push(searchEntry(code, lads.names[i], 'lad', 'Local authority')));
  wards.codes.forEach((code, i) => entries.push(searchEntry(code, wards.names[i], 'ward', `Ward in ${lads.names[wards.lad![i]]}`)));
  lsoas.codes.forEach((code, i) =>
    entries.push(searchEntry(code, details.names[i], 'lsoa', `LSOA in ${wards.names[details.ward[i]]}`)),
  );
  return entries;
}

export function Search({ client }: { client: DataClient }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
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
        setLoadError(`Search is unavailable: ${error.message}`);
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
    if (loadError) status = loadError;
    else if (!entries) status = 'Loading place names…';
    else if (results.length === 0) status = 'No area matches. Try a name, or a code like E05011151.';
    else status = `${results.length} suggestion${results.length > 1 ? 's' : ''}. Use up and down arrows to choose.`;
  }

  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search for an authority, ward or neighbourhood
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
        placeholder="Search a place, ward or code"
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
      <ul id={listId} role="listbox" aria-label="Suggestions" className="search__list" hidden={!showList || results.length === 0}>
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
              {entry.context} · {entry.code}
              <span className="visually-hidden"> ({LEVEL_LABELS[entry.level].singular})</span>
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
