/**
 * Find a place by name, an authority, ward or LSOA by name or code, or a
 * postcode: an ARIA 1.2 combobox (arrow keys move through the suggestions,
 * Enter chooses, Escape closes). A whole postcode typed comes first, then
 * the postcodes that complete one being typed, then areas and places ranked
 * together (src/data/placeSearch.ts). Choosing an area selects it and flies
 * the map to it; a place flies the map to it at a zoom that fits its kind; a
 * neighbourhood (MSOA) name selects its LSOAs as a set and flies to them; a
 * postcode becomes the place services are listed near.
 *
 * The place names (names/places.json, about 140 KB gzip) are fetched on the
 * first use of the field, with the area names; the areas are searchable even
 * if the place names fail to load.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Msg } from '../config/catalogue/types.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import { PLACE_KIND_DISPLAY } from '../config/placeKinds.ts';
import type { DataClient } from '../data/client.ts';
import { namesPaths, type PlaceIndexFile } from '../data/namesSchema.ts';
import { decodePlaceIndex, placeTarget, searchNames, type PlaceEntry, type PlaceIndex, type Suggestion } from '../data/placeSearch.ts';
import { searchEntry, type SearchEntry } from '../data/search.ts';
import { parsePostcode, type Postcode } from '../data/postcodes.ts';
import { completePostcode, readPartialPostcode } from '../data/postcodeCompletions.ts';
import { lookUpPostcode, type PostcodeLookup } from '../data/postcodeLookup.ts';
import { postcodePaths } from '../data/postcodeSchema.ts';
import { useFormats } from '../i18n/useText.ts';
import { flyToPoint, stopCamera } from '../map/flyToPoint.ts';
import { flyToBounds } from '../map/names/flyToPlace.ts';
import { useAppStore } from '../state/store.ts';
import { SEARCH_FIELD_MESSAGES } from './SearchBox.tsx';
import { POSTCODE_PROBLEMS } from './postcodeMessages.ts';
import { loadResidentPanel } from './residents/panelCode.ts';
import './search.css';

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
  postcodeFound: { id: 'search.postcode.found', defaultMessage: '{postcode}: its neighbourhood and the services near it are in the panel.' },
  postcodeOffshore: { id: 'search.postcode.offshore', defaultMessage: '{postcode} lies outside every neighbourhood (LSOA) of England, so none is selected.' },
  postcodeOutside: POSTCODE_PROBLEMS.outside,
  postcodeUnknown: POSTCODE_PROBLEMS.unknown,
  postcodeNotBuilt: { id: 'search.postcode.notBuilt', defaultMessage: 'Postcodes are not in this build of the data (the pipeline was not given OS Code-Point Open); search by place name or code.' },
  postcodeFailed: { id: 'search.postcode.failed', defaultMessage: 'The postcode could not be looked up: {error}' },
  completionContext: { id: 'search.postcode.completion', defaultMessage: 'Postcode · find its neighbourhood' },
  placeLooking: { id: 'search.place.looking', defaultMessage: 'Finding {name}…' },
  placeShown: { id: 'search.place.shown', defaultMessage: '{name}, {context}: the map has moved there.' },
  neighbourhoodShown: {
    id: 'search.place.neighbourhoodShown',
    defaultMessage: '{name}, {context}: its {count, plural, one {# LSOA is} other {# LSOAs are}} selected on the map.',
  },
  placeFailed: { id: 'search.place.failed', defaultMessage: '{name} could not be found: {error}' },
  placesUnavailable: { id: 'search.place.unavailable', defaultMessage: 'Place names are unavailable ({error}); areas and postcodes can still be found.' },
  placeSources: {
    id: 'search.place.sources',
    defaultMessage: 'Place names: contains OS data © Crown copyright 2017. Neighbourhood names: House of Commons Library, Open Parliament Licence.',
  },
} satisfies Record<string, Msg>;

/** What looking a postcode up said, as a message for the field's status. */
/** A postcode's outcome for the field's status; `quiet` when the map and panel show it (only the live region speaks). */
interface PostcodeStatus {
  msg: Msg;
  values: Record<string, string | number>;
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

interface SearchIndex {
  areas: SearchEntry[];
  /** Null when the build has no place names, or they failed to load (`placesError`). */
  places: PlaceIndex | null;
  placesError?: string;
}

async function buildAreaIndex(client: DataClient): Promise<SearchEntry[]> {
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

async function buildPlaceIndex(client: DataClient): Promise<PlaceIndex | null> {
  const manifest = await client.manifest();
  if (!manifest.files?.[namesPaths.places]) return null;
  const [file, lads] = await Promise.all([client.file<PlaceIndexFile>(namesPaths.places), client.groupAreas('lad')]);
  return decodePlaceIndex(file, lads);
}


/** A suggestion of the list: a whole postcode typed, a postcode completing what is typed, an area or a place. */
type Result = { type: 'postcode'; postcode: Postcode } | { type: 'completion'; postcode: Postcode } | Suggestion;

const resultKey = (result: Result) =>
  result.type === 'area' ? result.area.code : result.type === 'place' ? `place:${result.place.lad}:${result.place.kind}:${result.place.name}:${result.place.ordinal}` : `${result.type}:${result.postcode.text}`;

/** `initialText` and `autoFocus` carry over what was typed into the stand-in field (SearchBox.tsx). */
export function Search({ client, initialText = '', autoFocus = false }: { client: DataClient; initialText?: string; autoFocus?: boolean }) {
  const f = useFormats();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(autoFocus && initialText.length > 0);
  const [active, setActive] = useState(-1);
  const [entries, setEntries] = useState<SearchIndex | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const loading = useRef(false);
  const select = useAppStore((s) => s.select);
  const setView = useAppStore((s) => s.setView);

  const ensureIndex = () => {
    if (entries || loading.current) return;
    loading.current = true;
    // Both start at once; the areas are searchable as soon as they are in, the place names join them when they are.
    const places = buildPlaceIndex(client).then(
      (index) => ({ places: index }),
      (error: Error) => ({ places: null, placesError: error.message }),
    );
    buildAreaIndex(client).then(
      (areas) => {
        setEntries({ areas, places: null });
        void places.then((loaded) => setEntries({ areas, ...loaded }));
      },
      (error: Error) => {
        loading.current = false;
        setLoadError(error.message);
      },
    );
  };

  const nameResults = useMemo(() => (entries ? searchNames(entries.areas, entries.places, text) : []), [entries, text]);
  // A whole postcode typed is offered first: choosing it looks it up (one small file) and selects its neighbourhood.
  const typedPostcode = useMemo(() => {
    const parsed = parsePostcode(text);
    return 'postcode' in parsed ? parsed.postcode : null;
  }, [text]);
  // A postcode being typed ("B15 2") is completed from its outward code's file, fetched once typed that far.
  const [completions, setCompletions] = useState<{ text: string; postcodes: Postcode[] }>({ text: '', postcodes: [] });
  useEffect(() => {
    if (readPartialPostcode(text).length === 0) return;
    let cancelled = false;
    client
      .manifest()
      .then((manifest) => (manifest.files?.[postcodePaths.index] ? completePostcode(client, text) : []))
      .then(
        (found) => {
          const postcodes = found.flatMap((candidate) => {
            const parsed = parsePostcode(candidate);
            return 'postcode' in parsed ? [parsed.postcode] : [];
          });
          if (!cancelled) setCompletions({ text, postcodes });
        },
        () => {}, // No completions: the whole postcode, once typed, says what is wrong.
      );
    return () => {
      cancelled = true;
    };
  }, [client, text]);
  // A postcode being typed will open the resident panel (src/ui/residents/): its code, and once the postcode is whole
  // the services near it, are fetched meanwhile, not after Enter.
  const typingPostcode = typedPostcode !== null || readPartialPostcode(text).length > 0;
  const wholePostcode = typedPostcode ? typedPostcode.outward + typedPostcode.inward : null;
  useEffect(() => {
    if (!typingPostcode) return;
    loadResidentPanel().then((panel) => wholePostcode && panel.prefetchPlace(client, { kind: 'postcode', postcode: wholePostcode }), () => {});
  }, [client, typingPostcode, wholePostcode]);
  const results: Result[] = [
    ...(typedPostcode ? [{ type: 'postcode' as const, postcode: typedPostcode }] : []),
    ...(completions.text === text ? completions.postcodes.map((postcode) => ({ type: 'completion' as const, postcode })) : []),
    ...nameResults,
  ];
  const [postcodeStatus, setPostcodeStatus] = useState<PostcodeStatus | null>(null);
  const showList = open && text.trim().length > 0;

  const choosePostcode = async (postcode: Postcode) => {
    setOpen(false);
    setActive(-1);
    setText(postcode.text);
    setPostcodeStatus({ msg: MESSAGES.postcodeLooking, values: { postcode: postcode.text } });
    stopCamera();
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

  const choosePlace = async (place: PlaceEntry, authority: string) => {
    setOpen(false);
    setActive(-1);
    setText(place.name);
    const values = { name: place.name, context: f.t(PLACE_KIND_DISPLAY[place.kind].context, { authority }) };
    setPostcodeStatus({ msg: MESSAGES.placeLooking, values, quiet: true });
    if (useAppStore.getState().view === 'about') setView('map');
    try {
      const target = await placeTarget(client, entries!.places!, place);
      if (target.type === 'neighbourhood') {
        const { neighbourhood } = target;
        const store = useAppStore.getState();
        store.selectRef(neighbourhood.lsoas.length === 1 ? { kind: 'area', code: neighbourhood.lsoas[0] } : { kind: 'areas', codes: neighbourhood.lsoas });
        if (neighbourhood.lsoas.length > 1) store.setSelectionName(neighbourhood.name);
        flyToBounds(target.bounds);
        setPostcodeStatus({ msg: MESSAGES.neighbourhoodShown, values: { ...values, count: neighbourhood.lsoas.length }, quiet: true });
      } else {
        flyToPoint(target.lng, target.lat, target.zoom);
        setPostcodeStatus({ msg: MESSAGES.placeShown, values, quiet: true });
      }
    } catch (error) {
      setPostcodeStatus({ msg: MESSAGES.placeFailed, values: { name: place.name, error: (error as Error).message } });
    }
  };

  const choose = (result: Result) => {
    if (result.type === 'postcode' || result.type === 'completion') {
      void choosePostcode(result.postcode);
      return;
    }
    if (result.type === 'place') {
      void choosePlace(result.place, result.authority);
      return;
    }
    const entry = result.area;
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
  const hasPlaces = results.some((result) => result.type === 'place');
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
      <div className="search__list" hidden={!showList || results.length === 0}>
        <ul id={listId} role="listbox" aria-label={f.t(MESSAGES.suggestions)} className="search__options">
          {results.map((result, i) => (
            <li
              key={resultKey(result)}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search__option search__option--active' : 'search__option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(result)}
            >
              <ResultText result={result} />
            </li>
          ))}
        </ul>
        {hasPlaces && <p className="search__source">{f.t(MESSAGES.placeSources)}</p>}
        {entries?.placesError && <p className="search__source">{f.t(MESSAGES.placesUnavailable, { error: entries.placesError })}</p>}
      </div>
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

/** The two lines of a suggestion: its name, and what and where it is. */
function ResultText({ result }: { result: Result }) {
  const f = useFormats();
  switch (result.type) {
    case 'postcode':
      return (
        <>
          <span className="search__name">{f.t(MESSAGES.postcode, { postcode: result.postcode.text })}</span>
          <span className="search__context">{f.t(MESSAGES.postcodeContext)}</span>
        </>
      );
    case 'completion':
      return (
        <>
          <span className="search__name">{result.postcode.text}</span>
          <span className="search__context">{f.t(MESSAGES.completionContext)}</span>
        </>
      );
    case 'place':
      return (
        <>
          <span className="search__name">{result.place.name}</span>
          <span className="search__context">{f.t(PLACE_KIND_DISPLAY[result.place.kind].context, { authority: result.authority })}</span>
        </>
      );
    default: {
      const entry = result.area;
      return (
        <>
          <span className="search__name">{entry.name}</span>
          <span className="search__context">
            {f.t(MESSAGES.code, { context: f.t(MESSAGES.context, { level: entry.level, parent: entry.parent }), code: entry.code })}
            <span className="visually-hidden">{f.t(MESSAGES.level, { level: f.t(LEVEL_NAMES[entry.level].singular) })}</span>
          </span>
        </>
      );
    }
  }
}
