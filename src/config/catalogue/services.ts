/**
 * The service types a resident can look for (issue 14): how each is named,
 * drawn and explained. The map's point overlay, its toggles and legend, the
 * "near me" list and the access layer's texts all read this, so a new type
 * is an entry here, an id in src/config/serviceTypes.ts and a parser in the
 * pipeline's services stage.
 *
 * Each type has a colour of the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies) and a shape of its own, so that types stay
 * apart in greyscale and for people who cannot tell the colours apart; the
 * legend, list and map always show the shape with the colour.
 */
import type { ServiceTypeId } from '../serviceTypes.ts';
import type { Msg } from './types.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

/** Point symbols, each drawn the same in the legend, list and map (src/map/services/). */
export type ServiceShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export interface ServiceType {
  id: ServiceTypeId;
  /** Plural, for toggles and headings: "Libraries". */
  label: Msg;
  /** One of them: "library". */
  singular: Msg;
  /** What counts as one, in a sentence (the toggles' description and the About page). */
  description: Msg;
  /** The sources' short credit, on the map while the type is shown (the full attribution is in the services control). */
  credit: Msg;
  /** Okabe–Ito colour. */
  colour: string;
  shape: ServiceShape;
}

export const SERVICE_TYPES: readonly ServiceType[] = [
  {
    id: 'library',
    label: m('service.library', 'Libraries'),
    singular: m('service.library.one', 'library'),
    description: m('service.library.description', 'Public libraries open in 2023, run by the council or by the community, with opening hours where Libraries Hacked has them.'),
    credit: m('service.library.credit', 'Arts Council England, Libraries Hacked'),
    colour: '#0072B2',
    shape: 'square',
  },
  {
    id: 'gp_practice',
    label: m('service.gp_practice', 'GP practices'),
    singular: m('service.gp_practice.one', 'GP practice'),
    description: m('service.gp_practice.description', 'Active GP practices registered with NHS England (April 2025).'),
    credit: m('service.gp_practice.credit', 'NHS England ODS'),
    colour: '#D55E00',
    shape: 'cross',
  },
  {
    id: 'school',
    label: m('service.school', 'Schools'),
    singular: m('service.school.one', 'school'),
    description: m('service.school.description', 'State-funded mainstream and special schools in the 2018/19 key stage 2 and 4 performance tables.'),
    credit: m('service.school.credit', 'DfE'),
    colour: '#E69F00',
    shape: 'triangle',
  },
  {
    id: 'warm_space',
    label: m('service.warm_space', 'Warm and welcoming spaces'),
    singular: m('service.warm_space.one', 'warm space'),
    description: m('service.warm_space.description', 'Warm and welcoming spaces from community directories (Warm Welcome, councils and others), gathered by Open Innovations.'),
    credit: m('service.warm_space.credit', 'Open Innovations and local directories'),
    colour: '#009E73',
    shape: 'circle',
  },
  {
    id: 'foodbank',
    label: m('service.foodbank', 'Food banks'),
    singular: m('service.foodbank.one', 'food bank'),
    description: m('service.foodbank.description', 'Food banks open in spring 2024 (Trussell Trust, Independent Food Aid Network and independent), from Give Food.'),
    credit: m('service.foodbank.credit', 'Give Food'),
    colour: '#CC79A7',
    shape: 'diamond',
  },
];

export function serviceType(id: ServiceTypeId): ServiceType {
  return SERVICE_TYPES.find((type) => type.id === id)!;
}
