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
import { parsePostcode, type Postcode } from '../data/postcodes.ts';
import { lookUpPostcode, type PostcodeLookup } from '../data/postcodeLookup.ts';
import { postcodePaths } from '../data/postcodeSchema.ts';
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
  postcode: { id: 'search.postcode', defaultMessage: 'Postcode {postcode}' },
  postcodeContext: { id: 'search.postcode.context', defaultMessage: 'Find its neighbourhood' },
  postcodeLooking: { id: 'search.postcode.looking', defaultMessage: 'Looking up {postcode}…' },
  postcodeFound: { id: 'search.postcode.found', defaultMessage: '{postcode} is in the neighbourhood selected on the map.' },
  postcodeOffshore: { id: 'search.postcode.offshore', defaultMessage: '{postcode} lies outside every neighbourhood (LSOA) of England, so none is selected.' },
  postcodeOutside: {
    id: 'search.postcode.outside',
    defaultMessage:
      '{postcode} is a postcode in {nation, select, scotland {Scotland} wales {Wales} northernIreland {Northern Ireland} other {the Channel Islands or the Isle of Man}}. This map covers England only, as the English Indices of Deprivation do.',
  },
  postcodeUnknown: {
    id: 'search.postcode.unknown',
    defaultMessage:
      '{postcode} is not in the list of English postcodes (OS Code-Point Open, October 2025){border, select, yes {; it may be in Wales or Scotland, which this map does not cover} other {}}. Check it, or search by place name.',
  },
  postcodeNotBuilt: { id: 'search.postcode.notBuilt', defaultMessage: 'Postcodes are not in this build of the data (the pipeline was not given OS Code-Point Open); search by place name or code.' },
  postcodeFailed: { id: 'search.postcode.failed', defaultMessage: 'The postcode could not be looked up: {error}' },
} satisfies Record<string, Msg>;

/** What looking a postcode up said, as a message for the field's status. */
/** A postcode's outcome for the field's status; `quiet` when the map and panel show it (only the live region speaks). */
interface PostcodeStatus {
  msg: Msg;
  values: Record<string, string>;
  quiet?: boolean;
}

function postcodeMessage(result: PostcodeLookup): PostcodeStatus {
  switch (result.kind) {
    case 'found':
      return { msg: result.place.lsoa ? MESSAGES.postcodeFound : MESSAGES.postcodeOffshore, values: { postcode: result.place.postcode.text }, quiet: Boolean(result.place.lsoa) };
    case 'outsideEngland':
      return { msg: MESSAGES.postcodeOutside, values: { postcode: result.postcode.text, nation: result.nation } };
    case 'unknown':
      return { msg: MESSAGES.postcodeUnknown, values: { postcode: result.postcode.text, border: result.border ? 'yes' : 'no' } };
    default:
      return { msg: MESSAGES.none, values: {} };
  }
}

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

  const areaResults = useMemo(() => (entries ? searchAreas(entries, text) : []), [entries, text]);
  // A whole postcode typed is offered first: choosing it looks it up (one small file) and selects its neighbourhood.
  const typedPostcode = useMemo(() => {
    const parsed = parsePostcode(text);
    return 'postcode' in parsed ? parsed.postcode : null;
  }, [text]);
  const results: (SearchEntry | Postcode)[] = typedPostcode ? [typedPostcode, ...areaResults] : areaResults;
  const [postcodeStatus, setPostcodeStatus] = useState<PostcodeStatus | null>(null);
  const showList = open && text.trim().length > 0;

  const choosePostcode = async (postcode: Postcode) => {
    setOpen(false);
    setActive(-1);
    setText(postcode.text);
    setPostcodeStatus({ msg: MESSAGES.postcodeLooking, values: { postcode: postcode.text } });
    try {
      const manifest = await client.manifest();
      if (!manifest.files?.[postcodePaths.index]) {
        setPostcodeStatus({ msg: MESSAGES.postcodeNotBuilt, values: {} });
        return;
      }
      const result = await lookUpPostcode(client, postcode.text);
      setPostcodeStatus(postcodeMessage(result));
      // A postcode found becomes the place services are listed near (src/ui/residents/), which shows its neighbourhood.
      if (result.kind === 'found' && result.place.lsoa) {
        useAppStore.getState().setPlace({ kind: 'postcode', postcode: result.place.postcode.outward + result.place.postcode.inward });
        if (useAppStore.getState().view === 'about') setView('map');
      }
    } catch (error) {
      setPostcodeStatus({ msg: MESSAGES.postcodeFailed, values: { error: (error as Error).message } });
    }
  };

  const choose = (entry: SearchEntry | Postcode) => {
    if (!('code' in entry)) {
      void choosePostcode(entry);
      return;
    }
    setPostcodeStatus(null);
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

  let status = postcodeStatus && !showList ? f.t(postcodeStatus.msg, postcodeStatus.values) : '';
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
          setPostcodeStatus(null);
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={f.t(MESSAGES.suggestions)} className="search__list" hidden={!showList || results.length === 0}>
        {results.map((entry, i) =>
          'code' in entry ? (
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
          ) : (
            <li
              key={`postcode:${entry.text}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search__option search__option--active' : 'search__option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(entry)}
            >
              <span className="search__name">{f.t(MESSAGES.postcode, { postcode: entry.text })}</span>
              <span className="search__context">{f.t(MESSAGES.postcodeContext)}</span>
            </li>
          ),
        )}
      </ul>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {((showList && (loadError || !entries || results.length === 0)) || (!showList && postcodeStatus && !postcodeStatus.quiet)) && (
        <div className="search__empty" aria-hidden="true" data-testid="search-status">
          {status}
        </div>
      )}
    </div>
  );
}
