/**
 * Which groups a layer with comparisons compares (segregation): a first
 * group, and another group or everyone else. Loaded with such a layer.
 */
import { FormattedMessage } from 'react-intl';
import type { ComparisonGroup } from '../config/catalogue/types.ts';
import { useFormats } from '../i18n/useText.ts';

/** Which groups a layer with comparisons compares: a first group, and another group or everyone else. */
export default function Comparison({ groups, a, b, onChange }: { groups: ComparisonGroup[]; a: number; b: number | null; onChange(id: string): void }) {
  const f = useFormats();
  const idOf = (first: number, second: number | null) => `${groups[first].id}-${second === null ? 'rest' : groups[second].id}`;
  return (
    <fieldset className="field comparison">
      <legend className="field__label">
        <FormattedMessage id="controls.groups" defaultMessage="Groups compared" />
      </legend>
      <label className="comparison__part">
        <span className="visually-hidden">
          <FormattedMessage id="controls.groups.first" defaultMessage="First group" />
        </span>
        <select value={a} onChange={(event) => {
          const first = Number(event.target.value);
          onChange(idOf(first, b === first ? null : b));
        }}>
          {groups.map((group, i) => (
            <option key={group.id} value={i}>
              {f.t(group.label)}
            </option>
          ))}
        </select>
      </label>
      <span className="comparison__against" aria-hidden="true">
        <FormattedMessage id="controls.groups.against" defaultMessage="against" />
      </span>
      <label className="comparison__part">
        <span className="visually-hidden">
          <FormattedMessage id="controls.groups.second" defaultMessage="compared with" />
        </span>
        <select value={b === null ? 'rest' : b} onChange={(event) => onChange(idOf(a, event.target.value === 'rest' ? null : Number(event.target.value)))}>
          <option value="rest">{f.t(REST)}</option>
          {groups.map((group, i) =>
            i === a ? null : (
              <option key={group.id} value={i}>
                {f.t(group.label)}
              </option>
            ),
          )}
        </select>
      </label>
    </fieldset>
  );
}

const REST = { id: 'controls.groups.rest', defaultMessage: 'everyone else' };
