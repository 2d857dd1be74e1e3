/**
 * The resident panel's texts. Postcode problems are the search's own
 * (src/ui/postcodeMessages.ts), so that a link and the search box say the same.
 */
import type { Msg } from '../../config/catalogue/types.ts';
import { POSTCODE_PROBLEMS } from '../postcodeMessages.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

export const PANEL = {
  kicker: m('residents.kicker', 'Near me'),
  titlePostcode: m('residents.title.postcode', 'Near {postcode}'),
  titlePoint: m('residents.title.point', 'Near the place you chose'),
  close: m('residents.close', 'Close the list of services near this place'),
  closeMark: m('panel.closeMark', '×'),
  looking: m('residents.looking', 'Looking up the place…'),
  lookupFailed: m('residents.lookupFailed', 'The place could not be looked up: {error}'),
  nearestPostcode: m('residents.nearestPostcode', 'The nearest postcode is {postcode}, {distance} away; the neighbourhood below is that postcode’s.'),
  outside: POSTCODE_PROBLEMS.outside,
  unknown: POSTCODE_PROBLEMS.unknown,
  format: m('residents.place.format', '“{input}” is not a postcode. Check it, or search by place name.'),
  notBuilt: m('residents.place.notBuilt', 'Postcodes are not in this build of the data (the pipeline was not given OS Code-Point Open), so the place cannot be looked up; search by place name or code.'),
  noPostcodeNear: m(
    'residents.place.noPostcodeNear',
    'No English postcode is within 2 km of this point: it is outside England, or in open country far from any address. The English Indices of Deprivation cover England only, so no neighbourhood is shown; the services below are measured from the point.',
  ),
  offshore: m('residents.place.offshore', '{postcode} lies outside every neighbourhood (LSOA) of England, so none is shown; the services below are measured from the postcode.'),
  searchAgain: m('residents.searchAgain', 'Search for another postcode'),
};

export const CARD = {
  kicker: m('residents.card.kicker', 'Your neighbourhood'),
  loading: m('residents.card.loading', 'Loading the neighbourhood…'),
  failed: m('residents.card.failed', 'The neighbourhood could not be loaded: {error}'),
  notAnArea: m('residents.card.notAnArea', '{code} is not a neighbourhood of this build of the data.'),
  msoa: m('residents.card.msoa', 'Neighbourhood: MSOA {year} {code}, named by the House of Commons Library.'),
  lsoa: m('residents.card.lsoa', 'Small area'),
  area: m('residents.card.area', '{name} · {vintage} {code}'),
  decile: m(
    'residents.card.decile',
    '{decile, plural, =1 {Among the 10% most deprived neighbourhoods in England} =2 {Among the 20% most deprived neighbourhoods in England} =3 {Among the 30% most deprived neighbourhoods in England} =4 {Among the 40% most deprived neighbourhoods in England} =5 {A little more deprived than the average neighbourhood in England} =6 {A little less deprived than the average neighbourhood in England} =7 {Among the 40% least deprived neighbourhoods in England} =8 {Among the 30% least deprived neighbourhoods in England} =9 {Among the 20% least deprived neighbourhoods in England} other {Among the 10% least deprived neighbourhoods in England}}',
  ),
  imd: m(
    'residents.card.imd',
    'Index of Multiple Deprivation 2025, decile {decile} of 10 (1 = most deprived). It ranks England’s {count} small areas by income, employment, education, health, crime, housing and services, and living environment together; it describes the area, not each person living there.',
  ),
  noDecile: m('residents.card.noDecile', 'This build of the data has no IMD 2025 figure for this area.'),
  more: m('residents.card.more', 'More about this neighbourhood'),
};

export const LIST = {
  title: m('residents.list.title', '{within, select, 1km {Services within 1 km} 2km {Services within 2 km} other {Services within a 20-minute walk}}'),
  estimate: m(
    'residents.list.estimate',
    'Distances are in a straight line. Walking times are estimates: the straight line × 1.3, as streets are not straight, at 4.8 km/h{within, select, walk20 {; a 20-minute walk is then {reach} in a straight line} other {}}.',
  ),
  controls: m('residents.controls', 'What to list'),
  distance: m('residents.controls.distance', 'How far'),
  types: m('residents.controls.types', 'Services'),
  within: m('residents.within', '{within, select, 1km {1 km} 2km {2 km} other {20-minute walk}}'),
  print: m('residents.print', 'Print this list'),
  noTypes: m('residents.list.noTypes', 'Choose at least one kind of service.'),
  loading: m('residents.list.loading', 'Finding services near this place…'),
  failed: m('residents.list.failed', 'The services near this place could not be loaded: {error}'),
  notBuilt: m('residents.list.notBuilt', 'Services are not in this build of the data (the pipeline was not given their files).'),
  groupCount: m('residents.group.count', '{count, plural, =0 {none} other {#}}'),
  none: m('residents.group.none', '{within, select, 1km {None within 1 km.} 2km {None within 2 km.} other {None within a 20-minute walk.}}'),
  beyond: m('residents.group.beyond', 'The nearest is further away:'),
  lookingFurther: m('residents.group.lookingFurther', 'Looking further…'),
  noneAnywhere: m('residents.group.noneAnywhere', 'There are none in this build of the data.'),
  beyondFailed: m('residents.group.beyondFailed', 'The nearest one could not be looked up: {error}'),
  showAll: m('residents.group.showAll', 'Show all {count} {type}'),
  showFewer: m('residents.group.showFewer', 'Show the nearest {count} only'),
  printedMore: m('residents.group.printedMore', '… and {count} more: see the link at the foot of the page.'),
  source: m('residents.group.source', '{count, plural, one {Source} other {Sources}}: '),
  sourceWhen: m('residents.source.when', '{source}, {date} — {age}'),
  sourceSeparator: m('residents.source.separator', '; '),
  listed: m('residents.listed', '{count, plural, =0 {No services listed} one {# service listed} other {# services listed}} within {within, select, 1km {1 km} 2km {2 km} other {a 20-minute walk}}.'),
};

export const ITEM = {
  distance: m('residents.item.distance', '{distance} · about {minutes} min walk'),
  distanceSpoken: m('residents.item.distanceSpoken', '{distance} away, about {minutes, plural, one {# minute} other {# minutes}} on foot'),
  openUntil: m('residents.hours.openUntil', 'Open now · closes {when}'),
  openAlways: m('residents.hours.openAlways', 'Open now'),
  closedUntil: m('residents.hours.closedUntil', 'Closed now · opens {when}'),
  closedAlways: m('residents.hours.closedAlways', 'Closed now'),
  unknown: m('residents.hours.unknown', 'May be open'),
  comment: m('residents.hours.comment', ' ({comment})'),
  when: m('residents.hours.when', '{days, plural, =0 {at {time}} =1 {tomorrow at {time}} other {{weekday} at {time}}}'),
  hours: m('residents.hours.text', 'Hours: {hours}'),
  website: m('residents.item.website', 'Website'),
  websiteOf: m('residents.item.websiteOf', 'Website of {name}'),
  from: m('residents.item.from', 'From {source}'),
};

export const SOURCES = {
  title: m('residents.sources.title', 'Where this information comes from'),
  entry: m('residents.sources.entry', '{title}, {date} ({age}).'),
  detail: m('residents.sources.detail', 'Published by {publisher}; the date is {note}.'),
  licence: m('residents.sources.licence', 'Licence: {licence}.'),
  printed: m('residents.sources.printed', 'Printed from Cohesion Atlas on {date}: {link}'),
};
