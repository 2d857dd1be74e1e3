/**
 * The dot layer's legend: people per dot at this zoom, each group's colour,
 * and the residents of each group in the LSOAs in view (from the census
 * counts, not from the dots drawn).
 */
import { FormattedMessage } from 'react-intl';
import { toCss } from '../../config/palette.ts';
import { useFormats } from '../../i18n/useText.ts';
import type { ProviderLegendProps } from '../providers/types.ts';
import { useDotsView } from './state.ts';
import { useCatalogueText } from '../../ui/useCatalogueText.ts';

export default function DotsLegend({ spec }: ProviderLegendProps) {
  const f = useFormats();
  const note = useCatalogueText(spec.layer.description);
  const view = useDotsView();
  const categories = spec.layer.classes.kind === 'categories' ? spec.layer.classes.categories : [];
  const total = view.sums.reduce((a, b) => a + b, 0);
  return (
    <section className="legend legend--dots" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        <FormattedMessage id="dots.legend.title" defaultMessage="{layer}, {release}" values={{ layer: f.t(spec.layer.label), release: f.t(spec.release.label) }} />
      </h2>
      <p className="legend__note legend__per-dot" data-per-dot={view.perDot}>
        <FormattedMessage
          id="dots.legend.perDot"
          defaultMessage="1 dot = {n, plural, one {# person} other {# people}}"
          values={{ n: view.perDot }}
        />
      </p>
      <ol className="legend__list">
        {categories.map((category, g) => (
          <li key={category.id} data-group={category.id} data-count={view.sums[g] ?? 0}>
            <span className="swatch" style={{ background: toCss(spec.colours[g + 1]) }} aria-hidden="true" />
            <FormattedMessage
              id="dots.legend.group"
              defaultMessage="{group}: {count}"
              values={{ group: f.t(category.label), count: f.integer(view.sums[g] ?? 0) }}
            />
          </li>
        ))}
      </ol>
      <p className="legend__note legend__counted" data-lsoas={view.counted.length} data-total={total}>
        <FormattedMessage
          id="dots.legend.counted"
          defaultMessage="Residents of the {lsoas, plural, one {# LSOA} other {# LSOAs}} in view (LSOAs 2021 whose bounding box overlaps the map): {total} in all."
          values={{ lsoas: view.counted.length, total: f.integer(total) }}
        />
      </p>
      {view.error && (
        <p className="legend__note" role="alert">
          <FormattedMessage id="dots.legend.error" defaultMessage="No dots: {error}" values={{ error: view.error }} />
        </p>
      )}
      {note && <p className="legend__note">{note}</p>}
    </section>
  );
}
