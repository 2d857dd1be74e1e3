/**
 * How each geography is named, as messages (src/i18n): on screen, and in
 * English (their default messages) in the downloads dictionary.
 */
import type { Msg } from './catalogue/types.ts';
import type { Level } from './geography.ts';

export const LEVEL_NAMES: Record<Level, { singular: Msg; plural: Msg; short: Msg; button: Msg }> = {
  lsoa: {
    singular: { id: 'level.lsoa.singular', defaultMessage: 'neighbourhood (LSOA)' },
    plural: { id: 'level.lsoa.plural', defaultMessage: 'neighbourhoods (LSOAs)' },
    short: { id: 'level.lsoa.short', defaultMessage: 'LSOA' },
    button: { id: 'level.lsoa.button', defaultMessage: 'Neighbourhoods' },
  },
  ward: {
    singular: { id: 'level.ward.singular', defaultMessage: 'ward' },
    plural: { id: 'level.ward.plural', defaultMessage: 'wards' },
    short: { id: 'level.ward.short', defaultMessage: 'Ward' },
    button: { id: 'level.ward.button', defaultMessage: 'Wards' },
  },
  lad: {
    singular: { id: 'level.lad.singular', defaultMessage: 'local authority' },
    plural: { id: 'level.lad.plural', defaultMessage: 'local authorities' },
    short: { id: 'level.lad.short', defaultMessage: 'Authority' },
    button: { id: 'level.lad.button', defaultMessage: 'Authorities' },
  },
};

/** "Ward 2024", "LSOA 2021": the vintage of a level's codes (with LEVEL_NAMES[level].short as `level`). */
export const VINTAGE: Msg = { id: 'level.vintage', defaultMessage: '{level} {year}' };
