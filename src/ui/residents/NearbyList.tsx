/**
 * The services near a place, one group per chosen type (in the catalogue's
 * order), each nearest first: symbol, name, kind, distance and walking time
 * (spelled out for screen readers), whether it is open now, its hours, and
 * how old its source's information is. A type with none within the distance
 * says so and shows the nearest one beyond it.
 */
import { useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { serviceTypeText } from '../services/serviceTypeText.ts';
import type { NearDistance, ServiceTypeId } from '../../config/serviceTypes.ts';
import type { NearbyService, TypeNearby } from '../../data/nearbyServices.ts';
import type { OpenState } from '../../data/openNow.ts';
import type { ServiceRecord, ServiceSource, ServicesIndex } from '../../data/servicesSchema.ts';
import { useFormats, type Formats } from '../../i18n/useText.ts';
import { ServiceSymbol } from '../services/ServiceSymbol.tsx';
import { sourceWhen } from '../services/sourceText.ts';
import { distanceTexts, formatWhen } from './format.ts';
import { ITEM, LIST } from './messages.ts';

/** Shown at first in each group; the rest behind "Show all", so that the list of every type fits a phone. */
export const FIRST_SHOWN = 5;
/** Printed of each group, so that the card and every type fit one page (residents.css hides the rest on paper). */
export const FIRST_PRINTED = 3;

/** The nearest service beyond the distance, for a type with none within it. */
export type Beyond = { loading: true } | { loading: false; nearest: NearbyService | null } | { loading: false; error: Error };

/** What tells whether a service is open now (openNow.ts, loaded after the list is drawn). */
export type OpenStateOf = (record: ServiceRecord) => OpenState | null;

interface ListContext {
  sources: ServicesIndex['sources'];
  openStateOf: OpenStateOf | null;
  now: Date;
}

/** "NHS England, April 2025 — about 1 year 8 months ago": by publisher, or by title where the group has several sources. */
function sourceLine(f: Formats, intl: IntlShape, source: ServiceSource, byTitle: boolean, now: Date): string {
  const name = byTitle ? source.title : source.publisher;
  const when = sourceWhen(f, intl, source.date, now);
  return when ? f.t(LIST.sourceWhen, { source: name, date: when.date, age: when.age }) : name;
}

function HoursLine({ record, context }: { record: ServiceRecord; context: ListContext }) {
  const f = useFormats();
  const intl = useIntl();
  const state = record.openingHours && context.openStateOf ? context.openStateOf(record) : null;
  const text = record.hoursText ?? record.openingHours;
  let badge: { tone: string; text: string } | null = null;
  if (state?.kind === 'open') badge = { tone: 'open', text: state.closes ? f.t(ITEM.openUntil, { when: formatWhen(f, intl, state.closes) }) : f.t(ITEM.openAlways) };
  if (state?.kind === 'closed') badge = { tone: 'closed', text: state.opens ? f.t(ITEM.closedUntil, { when: formatWhen(f, intl, state.opens) }) : f.t(ITEM.closedAlways) };
  if (state?.kind === 'unknown') badge = { tone: 'unknown', text: f.t(ITEM.unknown) };
  const comment = state && state.kind !== 'unreadable' && state.comment ? f.t(ITEM.comment, { comment: state.comment }) : '';
  if (!badge && !text) return null;
  return (
    <>
      {badge && (
        <p className="near-item__state">
          <span className={`near-state near-state--${badge.tone}`} data-testid="open-state">
            {badge.text}
          </span>
          {comment}
        </p>
      )}
      {text && <p className={record.hoursText ? 'near-item__hours' : 'near-item__hours near-item__hours--osm'}>{f.t(ITEM.hours, { hours: text })}</p>}
    </>
  );
}

export function ServiceItem({ item, context, showSource }: { item: NearbyService; context: ListContext; showSource: boolean }) {
  const f = useFormats();
  const intl = useIntl();
  const { record } = item;
  const distance = distanceTexts(f, intl, item.metres, item.walkMinutes);
  const source = context.sources[record.source];
  return (
    <li className="near-item" data-service-type={record.type} data-service-id={record.id}>
      <ServiceSymbol type={record.type} size={22} className="near-item__symbol" />
      <div className="near-item__body">
        <p className="near-item__name">
          {record.url ? (
            <a href={record.url} target="_blank" rel="noopener noreferrer">
              {record.name}
            </a>
          ) : (
            record.name
          )}
        </p>
        <p className="near-item__meta">
          <span className="near-item__kind">{record.detail ?? serviceTypeText(f, record.type).singular}</span>
          {' · '}
          <span className="near-item__distance" aria-hidden="true" data-metres={Math.round(item.metres)}>
            {distance.shown}
          </span>
          <span className="visually-hidden">{distance.spoken}</span>
        </p>
        <HoursLine record={record} context={context} />
        {record.address && <p className="near-item__address">{record.address}</p>}
        {showSource && source && <p className="near-item__source">{f.t(ITEM.from, { source: source.title })}</p>}
      </div>
    </li>
  );
}

function GroupSources({ items, context }: { items: NearbyService[]; context: ListContext }) {
  const f = useFormats();
  const intl = useIntl();
  const sources = [...new Set(items.map((item) => item.record.source))].map((id) => context.sources[id]).filter((source): source is ServiceSource => !!source);
  if (sources.length === 0) return null;
  return (
    <p className="near-group__source">
      {f.t(LIST.source, { count: sources.length })}
      {sources.map((source) => sourceLine(f, intl, source, sources.length > 1, context.now)).join(f.t(LIST.sourceSeparator))}
    </p>
  );
}

function TypeGroup({ group, within, beyond, context }: { group: TypeNearby; within: NearDistance; beyond: Beyond | undefined; context: ListContext }) {
  const f = useFormats();
  const [all, setAll] = useState(false);
  const type = serviceTypeText(f, group.type);
  const headingId = `near-group-${group.type}`;
  const listId = `near-list-${group.type}`;
  const shown = all ? group.within : group.within.slice(0, FIRST_SHOWN);
  // Each service names its source only where the group's come from different publishers (warm spaces' directories, say).
  const severalSources = (items: NearbyService[]) => new Set(items.map((item) => context.sources[item.record.source]?.publisher ?? item.record.source)).size > 1;
  const beyondItem = beyond && !beyond.loading && 'nearest' in beyond ? beyond.nearest : null;

  return (
    <section className="near-group" aria-labelledby={headingId} data-service-type={group.type}>
      <h4 id={headingId} className="near-group__title">
        <ServiceSymbol type={group.type} size={18} />
        <span>{type.label}</span>
        <span className="near-group__count">{f.t(LIST.groupCount, { count: group.within.length })}</span>
      </h4>
      {group.within.length > 0 ? (
        <>
          <ul id={listId} className="near-list">
            {shown.map((item) => (
              <ServiceItem key={item.record.id} item={item} context={context} showSource={severalSources(shown)} />
            ))}
          </ul>
          {group.within.length > FIRST_PRINTED && <p className="near-group__printed-more">{f.t(LIST.printedMore, { count: group.within.length - FIRST_PRINTED })}</p>}
          {group.within.length > FIRST_SHOWN && (
            <button type="button" className="link-button near-group__more" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
              {all ? f.t(LIST.showFewer, { count: FIRST_SHOWN }) : f.t(LIST.showAll, { count: group.within.length, type: type.label })}
            </button>
          )}
          <GroupSources items={shown} context={context} />
        </>
      ) : (
        <>
          <p className="near-group__none">
            {f.t(LIST.none, { within })}{' '}
            {beyond?.loading && <span aria-busy="true">{f.t(LIST.lookingFurther)}</span>}
            {beyond && !beyond.loading && 'error' in beyond && <span role="alert">{f.t(LIST.beyondFailed, { error: beyond.error.message })}</span>}
            {beyond && !beyond.loading && 'nearest' in beyond && (beyond.nearest ? f.t(LIST.beyond) : f.t(LIST.noneAnywhere))}
          </p>
          {beyondItem && (
            <>
              <ul className="near-list near-list--beyond">
                <ServiceItem item={beyondItem} context={context} showSource={false} />
              </ul>
              <GroupSources items={[beyondItem]} context={context} />
            </>
          )}
        </>
      )}
    </section>
  );
}

export function NearbyGroups({
  types,
  within,
  beyond,
  sources,
  openStateOf,
  now,
}: {
  types: TypeNearby[];
  within: NearDistance;
  beyond: Partial<Record<ServiceTypeId, Beyond>>;
  sources: ServicesIndex['sources'];
  openStateOf: OpenStateOf | null;
  now: Date;
}) {
  const context: ListContext = { sources, openStateOf, now };
  return (
    <div className="near-groups">
      {types.map((group) => (
        <TypeGroup key={group.type} group={group} within={within} beyond={beyond[group.type]} context={context} />
      ))}
    </div>
  );
}
