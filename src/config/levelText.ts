/** How each geography is named on screen, as messages (src/i18n). */
import type { Msg } from './catalogue/types.ts';
import type { Level } from './geography.ts';

export const LEVEL_MESSAGES: Record<Level, { singular: Msg; plural: Msg; button: Msg; vintage: Msg }> = {
  lsoa: {
    singular: { id: 'level.lsoa.singular', defaultMessage: 'neighbourhood (LSOA)' },
    plural: { id: 'level.lsoa.plural', defaultMessage: 'neighbourhoods (LSOAs)' },
    button: { id: 'level.lsoa.button', defaultMessage: 'Neighbourhoods' },
    vintage: { id: 'level.lsoa.vintage', defaultMessage: 'LSOA {year}' },
  },
  ward: {
    singular: { id: 'level.ward.singular', defaultMessage: 'ward' },
    plural: { id: 'level.ward.plural', defaultMessage: 'wards' },
    button: { id: 'level.ward.button', defaultMessage: 'Wards' },
    vintage: { id: 'level.ward.vintage', defaultMessage: 'Ward {year}' },
  },
  lad: {
    singular: { id: 'level.lad.singular', defaultMessage: 'local authority' },
    plural: { id: 'level.lad.plural', defaultMessage: 'local authorities' },
    button: { id: 'level.lad.button', defaultMessage: 'Authorities' },
    vintage: { id: 'level.lad.vintage', defaultMessage: 'LAD {year}' },
  },
};
