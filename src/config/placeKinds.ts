/**
 * What the app does with each kind of named place (src/data/namesSchema.ts
 * PLACE_KINDS): where it comes among equal matches in the search, how far the
 * map zooms in when one is chosen, and how a suggestion says what it is.
 * Loaded with the search, never with the first map.
 */
import type { Msg } from './catalogue/types.ts';
import type { PlaceKind } from '../data/namesSchema.ts';
import type { Level } from './geography.ts';

export interface PlaceKindDisplay {
  /**
   * Among suggestions that match equally well, lower comes first: bigger
   * places before smaller, shared with the areas' levels (SEARCH_RANK_OF_LEVEL)
   * so that one list holds both.
   */
  searchRank: number;
  /** Zoom the map flies to (neighbourhoods: their bounds instead). */
  zoom: number;
  /** "Town in Knowsley": what the suggestion is, and where. */
  context: Msg;
}

export const PLACE_KIND_DISPLAY: Record<PlaceKind, PlaceKindDisplay> = {
  city: { searchRank: 0, zoom: 11, context: { id: 'place.city', defaultMessage: 'City in {authority}' } },
  town: { searchRank: 2, zoom: 12.5, context: { id: 'place.town', defaultMessage: 'Town in {authority}' } },
  suburb: { searchRank: 4, zoom: 13.5, context: { id: 'place.suburb', defaultMessage: 'Suburb in {authority}' } },
  neighbourhood: {
    searchRank: 4,
    zoom: 13.5,
    context: { id: 'place.neighbourhood', defaultMessage: 'Neighbourhood in {authority} · House of Commons Library name' },
  },
  village: { searchRank: 5, zoom: 13.5, context: { id: 'place.village', defaultMessage: 'Village in {authority}' } },
  other: { searchRank: 6, zoom: 13, context: { id: 'place.other', defaultMessage: 'Place in {authority}' } },
  hamlet: { searchRank: 7, zoom: 14, context: { id: 'place.hamlet', defaultMessage: 'Hamlet in {authority}' } },
};

/**
 * Areas in the same ranking: an authority after a city, a ward before the
 * suburbs and neighbourhoods of its name (the ward is what the atlas has
 * figures for; choosing it selects it), an LSOA last.
 */
export const SEARCH_RANK_OF_LEVEL: Record<Level, number> = { lad: 1, ward: 3, lsoa: 8 };
