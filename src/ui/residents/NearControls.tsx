/**
 * What the list shows: how far (a radio group: 1 km, 2 km, a 20-minute
 * walk), which kinds of service (checkboxes, each with its symbol), and
 * "Print this list". Large targets (44 px) within a thumb's reach on a phone.
 * The choices are the link's (`within=`, `services=`) and the map's.
 */
import { useId } from 'react';
import { SERVICE_TYPES } from '../../config/catalogue/services.ts';
import { NEAR_DISTANCES } from '../../config/serviceTypes.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAppStore } from '../../state/store.ts';
import { serviceTypeText } from '../services/serviceTypeText.ts';
import { ServiceSymbol } from '../services/ServiceSymbol.tsx';
import { LIST } from './messages.ts';

export function NearControls() {
  const f = useFormats();
  const id = useId();
  const within = useAppStore((s) => s.within);
  const services = useAppStore((s) => s.services);
  const setWithin = useAppStore((s) => s.setWithin);
  const setServices = useAppStore((s) => s.setServices);

  const toggle = (type: (typeof services)[number]) => setServices(services.includes(type) ? services.filter((t) => t !== type) : [...services, type]);

  return (
    <div className="near-controls" role="group" aria-label={f.t(LIST.controls)}>
      <fieldset className="segmented near-distance">
        <legend className="field__label">{f.t(LIST.distance)}</legend>
        {NEAR_DISTANCES.map((distance) => (
          <label key={distance} className="segmented__option">
            <input type="radio" name={`${id}-within`} value={distance} checked={within === distance} onChange={() => setWithin(distance)} />
            <span>{f.t(LIST.within, { within: distance })}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="near-types">
        <legend className="field__label">{f.t(LIST.types)}</legend>
        {SERVICE_TYPES.map((type) => (
          <label key={type.id} className="near-type">
            <input type="checkbox" checked={services.includes(type.id)} onChange={() => toggle(type.id)} />
            <ServiceSymbol type={type.id} size={18} />
            <span>{serviceTypeText(f, type.id).label}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="button button--quiet near-button near-print" onClick={() => window.print()}>
        {f.t(LIST.print)}
      </button>
    </div>
  );
}
