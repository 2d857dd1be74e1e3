/**
 * What the notices say when a link cannot be followed in full
 * (src/state/url.ts), the build lacks what a link asks for
 * (src/state/viewSpec.ts), a linked area is not in the data or the basemap
 * fails. Loaded only when there is such a problem (notifyProblems.ts), so
 * the first map of a good link does not carry them.
 */
import type { Msg } from '../config/catalogue/types.ts';

const msg = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

export const PROBLEM_MESSAGES = {
  unknown: msg(
    'url.unknown',
    'The link’s {name} “{value}” is not one this map knows, so it shows {name, select, layer {the Index of Multiple Deprivation} level {neighbourhoods (LSOAs)} view {the map} other {the default}} instead.',
  ),
  repeated: msg('url.repeated', 'The link gave the {name} {count} times; the map uses “{value}”.'),
  layerLevel: msg(
    'url.layerLevel',
    '{layer} is not mapped for {level, select, lsoa {neighbourhoods (LSOAs)} ward {wards} other {local authorities}}, so the map shows it for {fallback, select, lsoa {neighbourhoods (LSOAs)} ward {wards} other {local authorities}}.',
  ),
  areaAndAreas: msg('url.areaAndAreas', 'The link selected both one area and a set of areas; the map selects the one area.'),
  measure: msg('url.measure', 'The link’s measure “{value}” does not exist for {layer} at this level, so the map shows {fallback}.'),
  release: msg('url.release', 'The link’s release “{value}” is not available for {layer} at this level, so the map shows the newest.'),
  groups: msg('url.groups', 'The link’s groups “{value}” are not two groups {layer} compares, so the map shows {fallback}.'),
  name: msg('url.name', 'The link’s selection name was longer than {max} characters, so it was cut short.'),
  area: msg('url.area', 'The link’s area “{value}” is not an English LSOA, ward or authority code, so nothing is selected.'),
  areas: msg('url.areas', 'The link’s list of areas had {count, plural, one {# entry} other {# entries}} that {count, plural, one {is} other {are}} not area codes of the same level; {count, plural, one {it was} other {they were}} left out.'),
  tooManyAreas: msg('url.tooManyAreas', 'The link selected more than {max} areas; the first {max} are kept.'),
  feature: msg('url.feature', 'The link’s feature “{value}” is not a feature of a point layer of this map, so nothing is selected.'),
  map: msg('url.map', 'The link’s map position “{value}” is not zoom/latitude/longitude, so the map shows all of England.'),
  lad: msg('url.lad', 'The link’s authority filter “{value}” is not an authority code, so the table shows all of England.'),
  sort: msg('url.sort', 'The link’s table order “{value}” is not understood, so the table is in rank order.'),
  extra: msg('url.extra', 'The link had settings this map does not use ({names}); they were ignored.'),
  postcode: msg('url.postcode', 'The link’s postcode “{value}” is not the shape of a UK postcode, so no place is shown.'),
  near: msg('url.near', 'The link’s place “{value}” is not a latitude and longitude in Great Britain, so no place is shown.'),
  services: msg('url.services', 'The link’s services “{value}” are not all kinds this map knows (library, gp_practice, school, warm_space, foodbank), so none are shown.'),
  notBuilt: msg('view.notBuilt', '{layer} is not in this build of the data (its source file was not given to the pipeline), so the map shows {fallback}.'),
  releaseNotBuilt: msg('view.releaseNotBuilt', 'The {release} figures of {layer} are not in this build of the data, so the map shows the newest.'),
  unknownArea: msg('selection.unknown', '{code} is not an LSOA 2021, ward {ward} or authority {lad} code in this data, so nothing is selected.'),
  coloursFailed: msg('map.coloursFailed', 'The map colours could not be loaded: {error}'),
  basemapFailed: msg('map.basemapFailed', 'The basemap style {url} could not be loaded, so the map shows the data alone.'),
} satisfies Record<string, Msg>;

export type ProblemKey = keyof typeof PROBLEM_MESSAGES;
