/**
 * What the map shows: the layer (grouped by theme), the geography, the
 * measure and the release, each offered only where the catalogue and the
 * build have more than one choice.
 */
import { FormattedMessage } from 'react-intl';
import { LATER_LAYERS, LAYERS, loadLayer, THEMES } from '../config/catalogue/index.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import type { Manifest } from '../data/schema.ts';
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';
import { useViewSpec } from '../state/useViewSpec.ts';
import { levelsOf } from '../config/catalogue/index.ts';
import { lazy, Suspense } from 'react';

// Only layers that compare groups (segregation) have this control: it loads with them.
const Comparison = lazy(() => import('./Comparison.tsx'));

export function Controls({ manifest }: { manifest: Manifest }) {
  const f = useFormats();
  const spec = useViewSpec(manifest);
  const { setLayer, setLevel, setMeasure, setRelease, setGroups } = useAppStore.getState();
  // Layers of later themes are offered by their stubs until they load (with the choice).
  const built = [...LAYERS, ...LATER_LAYERS.filter((stub) => !LAYERS.some((layer) => layer.id === stub.id))].filter((layer) => manifest.layers[layer.id]);
  const measures = spec.layer.levels[spec.level]!.measures;
  const levels = levelsOf(spec.layer).filter((level) => manifest.layers[spec.layer.id]?.levels[level]);

  return (
    <div className="controls">
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="controls.layer" defaultMessage="Layer" />
        </span>
        <select value={spec.layer.id} onChange={(event) => loadLayer(event.target.value).then((layer) => layer && setLayer(layer.id))}>
          {THEMES.flatMap((theme) =>
            theme.groups.map((group) => {
              const layers = built.filter((layer) => layer.theme === theme.id && layer.group === group.id);
              if (layers.length === 0) return null;
              return (
                <optgroup key={`${theme.id}:${group.id}`} label={`${f.t(theme.label)} — ${f.t(group.label)}`}>
                  {layers.map((layer) => (
                    <option key={layer.id} value={layer.id}>
                      {f.t(layer.label)}
                    </option>
                  ))}
                </optgroup>
              );
            }),
          )}
        </select>
      </label>

      {levels.length > 1 && (
        <fieldset className="field segmented">
          <legend className="field__label">
            <FormattedMessage id="controls.level" defaultMessage="Areas" />
          </legend>
          {levels.map((value) => (
            <label key={value} className="segmented__option">
              <input type="radio" name="level" value={value} checked={spec.level === value} onChange={() => setLevel(value)} />
              <span title={f.t(LEVEL_NAMES[value].plural)}>{f.t(LEVEL_NAMES[value].button)}</span>
            </label>
          ))}
        </fieldset>
      )}

      {spec.layer.comparisons && spec.comparison && (
        <Suspense fallback={null}>
          <Comparison groups={spec.layer.comparisons.groups} a={spec.comparison.a} b={spec.comparison.b} onChange={(id) => setGroups(id)} />
        </Suspense>
      )}

      {measures.length > 1 && (
        <label className="field">
          <span className="field__label">
            <FormattedMessage id="controls.measure" defaultMessage="Measure" />
          </span>
          <select value={spec.measure.id} onChange={(event) => setMeasure(event.target.value)}>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {f.t(m.label)}
              </option>
            ))}
          </select>
        </label>
      )}

      {spec.releases.length > 1 && (
        <fieldset className="field segmented">
          <legend className="field__label">
            <FormattedMessage id="controls.release" defaultMessage="Release" />
          </legend>
          {spec.releases.map((release) => (
            <label key={release.id} className="segmented__option">
              <input type="radio" name="release" value={release.id} checked={spec.release.id === release.id} onChange={() => setRelease(release.id)} />
              <span>{f.t(release.label)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
