/**
 * What is said of a postcode the English data cannot place, in the search
 * box and in the resident panel (a link can hold such a postcode) alike: one
 * wording, one message to translate.
 */
import type { Msg } from '../config/catalogue/types.ts';

export const POSTCODE_PROBLEMS = {
  outside: {
    id: 'search.postcode.outside',
    defaultMessage:
      '{postcode} is a postcode in {nation, select, scotland {Scotland} wales {Wales} northernIreland {Northern Ireland} other {the Channel Islands or the Isle of Man}}. This map covers England only, as the English Indices of Deprivation do.',
  },
  unknown: {
    id: 'search.postcode.unknown',
    defaultMessage:
      '{postcode} is not in the list of English postcodes (OS Code-Point Open, October 2025){border, select, yes {; it may be in Wales or Scotland, which this map does not cover} other {}}. Check it, or search by place name.',
  },
} satisfies Record<string, Msg>;
