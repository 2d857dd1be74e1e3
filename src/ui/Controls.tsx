/** What the map shows: the indicator, the geography, and for wards and authorities the summary measure. */
import { INDICATORS, type IndicatorId } from '../config/indicators.ts';
import { LEVELS, LEVEL_LABELS, type Level } from '../config/geography.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../config/measures.ts';
import { useAppStore } from '../state/store.ts';

const GROUPS = [
  { label: 'Overall index', kind: 'index' },
  { label: 'Domains', kind: 'domain' },
  { label: 'Sub-domains', kind: 'subdomain' },
] as const;

const LEVEL_BUTTON: Record<Level, string> = { lsoa: 'Neighbourhoods', ward: 'Wards', lad: 'Authorities' };

export function Controls() {
  const indicator = useAppStore((s) => s.indicator);
  const level = useAppStore((s) => s.level);
  const measure = useAppStore((s) => s.measure);
  const setIndicator = useAppStore((s) => s.setIndicator);
  const setLevel = useAppStore((s) => s.setLevel);
  const setMeasure = useAppStore((s) => s.setMeasure);

  return (
    <div className="controls">
      <label className="field">
        <span className="field__label">Indicator</span>
        <select value={indicator} onChange={(event) => setIndicator(event.target.value as IndicatorId)}>
          {GROUPS.map((group) => (
            <optgroup key={group.kind} label={group.label}>
              {INDICATORS.filter((i) => i.kind === group.kind).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>

      <fieldset className="field segmented">
        <legend className="field__label">Areas</legend>
        {LEVELS.map((value) => (
          <label key={value} className="segmented__option">
            <input type="radio" name="level" value={value} checked={level === value} onChange={() => setLevel(value)} />
            <span title={LEVEL_LABELS[value].plural}>{LEVEL_BUTTON[value]}</span>
          </label>
        ))}
      </fieldset>

      {level !== 'lsoa' && (
        <label className="field">
          <span className="field__label">Summary measure</span>
          <select value={measure} onChange={(event) => setMeasure(event.target.value as Measure)}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_INFO[m].label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
