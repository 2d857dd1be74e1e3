/**
 * The hover card of the services overlay: a service's name, type and kind
 * (the kind comes with the whole record, fetched once the pointer rests a
 * moment), or what a cluster holds, type by type.
 */
import { useEffect, useState } from 'react';
import { SERVICE_TYPES } from '../../config/catalogue/services.ts';
import type { Msg } from '../../config/catalogue/types.ts';
import { SERVICE_TYPE_IDS } from '../../config/serviceTypes.ts';
import type { DataClient } from '../../data/client.ts';
import { useFormats } from '../../i18n/useText.ts';
import { ServiceSymbol } from '../../ui/services/ServiceSymbol.tsx';
import { serviceTypeText } from '../../ui/services/serviceTypeText.ts';
import { useAsync } from '../../ui/useAsync.ts';
import type { Marker } from './clustering.ts';
import { loadServiceRecord, type ServiceRef } from './serviceRecord.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  hint: m('services.tooltip.hint', 'Click for details'),
  cluster: m('services.tooltip.cluster', '{count, plural, one {# service} other {# services}} here'),
  clusterHint: m('services.tooltip.clusterHint', 'Click to zoom in'),
  typeCount: m('services.tooltip.typeCount', '{label}: {count}'),
};

export interface ServiceHover {
  marker: Marker;
  /** Pointer, pixels from the map's top left. */
  x: number;
  y: number;
}

/** How long the pointer rests on a service before its record is fetched (sweeping over many fetches nothing). */
const REST_MS = 150;

function useResting<T>(value: T | null, ms: number): T | null {
  const [rested, setRested] = useState<T | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setRested(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return rested === value ? rested : null;
}

const CARD_WIDTH = 280;

export function ServiceTooltip({ client, hover, container }: { client: DataClient; hover: ServiceHover; container: HTMLElement }) {
  const f = useFormats();
  const { marker } = hover;
  const service = marker.kind === 'service' ? marker : null;
  const resting = useResting<ServiceRef>(service, REST_MS);
  const record = useAsync(() => (resting ? loadServiceRecord(client, resting) : undefined), [client, resting]);
  // Near the right edge the card goes to the pointer's left.
  const left = hover.x + 14 + CARD_WIDTH > container.clientWidth ? Math.max(4, hover.x - 14 - CARD_WIDTH) : hover.x + 14;
  return (
    <div className="tooltip services-tooltip" style={{ transform: `translate(${left}px, ${hover.y + 14}px)` }} aria-hidden="true" data-testid="services-tooltip">
      {service ? (
        <>
          <div className="tooltip__name">{service.name}</div>
          <div className="services-tooltip__type">
            <ServiceSymbol type={service.type} size={14} /> {serviceTypeText(f, service.type).singular}
            {record.value?.detail && ` · ${record.value.detail}`}
          </div>
          <div className="tooltip__hint">{f.t(MESSAGES.hint)}</div>
        </>
      ) : marker.kind === 'cluster' ? (
        <>
          <div className="tooltip__name">{f.t(MESSAGES.cluster, { count: marker.count })}</div>
          <ul className="services-tooltip__counts">
            {SERVICE_TYPES.map((type) => {
              const count = marker.counts[SERVICE_TYPE_IDS.indexOf(type.id)];
              return count > 0 ? (
                <li key={type.id}>
                  <ServiceSymbol type={type.id} size={14} /> {f.t(MESSAGES.typeCount, { label: serviceTypeText(f, type.id).label, count: f.integer(count) })}
                </li>
              ) : null;
            })}
          </ul>
          <div className="tooltip__hint">{f.t(MESSAGES.clusterHint)}</div>
        </>
      ) : null}
    </div>
  );
}
