/**
 * The legend of a layer drawn as classes: what is coloured (layer, measure,
 * geography, release), the classes with their colours (deciles as a row of
 * numbered swatches, quantiles with their value ranges), what the ends mean,
 * and what grey means for this release.
 */
import { FormattedMessage } from 'react-intl';
import { LEVEL_NAMES } from '../config/levelText.ts';
import { textColourOn, toCss } from '../config/palette.ts';
import type { ProviderLegendProps } from '../map/providers/types.ts';
import { useFormats } from '../i18n/useText.ts';
import { useAsync } from './useAsync.ts';
import { useCatalogueText } from './useCatalogueText.ts';

const NO_VALUE = { id: 'legend.noValue', defaultMessage: 'Loading, or no value' };

export function ClassLegend({ client, spec, manifest }: ProviderLegendProps) {
  const f = useFormats();
  const note = useCatalogueText(spec.layer.description);
  const missing = useCatalogueText(spec.release.missing);
  const classes = useAsync(() => client.classes(spec.paths.classes), [client, spec.paths.classes]);
  const breaks = classes.value?.breaks[spec.releaseIndex] ?? undefined;
  const model = spec.scheme.legend(spec.layer.classes, spec.layer.palette, { breaks, format: (value) => f.measure(spec.measure, value) });
  const level = LEVEL_NAMES[spec.level];
  const single = spec.layer.levels[spec.level]!.measures.length === 1;
  const values = {
    layer: f.t(spec.layer.label),
    measure: f.t(spec.measure.label),
    areas: f.t(level.plural),
    count: manifest.counts[spec.level],
    countText: f.integer(manifest.counts[spec.level]),
    release: f.t(spec.release.label),
    className: f.t(spec.className).toLowerCase(),
  };
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        {single ? (
          <FormattedMessage id="legend.title.single" defaultMessage="{layer}, {release}: {className} of each of the {areas}" values={values} />
        ) : (
          <FormattedMessage id="legend.title" defaultMessage="{layer}, {release} — {measure}: {className}s of the {areas}" values={values} />
        )}
      </h2>
      {model.layout === 'row' ? (
        <ol className="legend__scale" aria-label={f.t({ id: 'legend.scale', defaultMessage: 'Classes from first to last' })}>
          {model.bins.map((bin) => (
            <li key={bin.value} style={{ background: toCss(bin.colour), color: textColourOn(bin.colour) }} aria-label={f.t(bin.description, bin.labelValues)}>
              {f.t(bin.label, bin.labelValues)}
            </li>
          ))}
        </ol>
      ) : (
        <ol className="legend__list">
          {model.bins.map((bin) => (
            <li key={bin.value}>
              <span className="swatch" style={{ background: toCss(bin.colour) }} aria-hidden="true" />
              <span className="visually-hidden">{f.t(bin.description, bin.labelValues)}: </span>
              {f.t(bin.label, bin.labelValues)}
            </li>
          ))}
        </ol>
      )}
      {model.ends && (
        <div className="legend__ends" aria-hidden="true">
          <span>{f.t(model.ends[0])}</span>
          <span>{f.t(model.ends[1])}</span>
        </div>
      )}
      {note && <p className="legend__note">{note}</p>}
      <p className="legend__note">
        <FormattedMessage
          id="legend.counted"
          defaultMessage="{count, plural, one {# area} other {# areas}} ({areas}, {vintage} boundaries) in England."
          values={{ ...values, vintage: manifest.vintages[spec.level] }}
        />
      </p>
      <p className="legend__note">
        <span className="swatch" style={{ background: toCss(spec.colours[0]) }} aria-hidden="true" /> {missing ?? f.t(NO_VALUE)}
      </p>
    </section>
  );
}
