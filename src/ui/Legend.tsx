/** Explains the colours: ten deciles, 1 = most deprived, of what and among which areas. */
import { indicatorById } from '../config/indicators.ts';
import { LEVEL_LABELS } from '../config/geography.ts';
import { MEASURE_INFO } from '../config/measures.ts';
import { DECILE_COLOURS, NO_DATA_COLOUR, textColourOn, toCss } from '../config/palette.ts';
import type { Manifest } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';

export function Legend({ manifest }: { manifest: Manifest }) {
  const indicator = indicatorById(useAppStore((s) => s.indicator));
  const level = useAppStore((s) => s.level);
  const measure = useAppStore((s) => s.measure);
  const count = manifest.counts[level].toLocaleString('en-GB');
  const title =
    level === 'lsoa'
      ? `${indicator.label}: official decile of each LSOA`
      : `${indicator.label}: ${MEASURE_INFO[measure].label.toLowerCase()} of each ${LEVEL_LABELS[level].singular}, in deciles`;
  const explanation =
    level === 'lsoa'
      ? `Each of England’s ${count} neighbourhoods (LSOAs, 2021) is ranked; decile 1 holds the 10% most deprived.`
      : `The ${count} ${LEVEL_LABELS[level].plural} (${manifest.vintages[level]} boundaries) are ranked by ${MEASURE_INFO[measure].label.toLowerCase()}; decile 1 holds the 10% most deprived of them. Equal values share a decile; those with none of the measure are in decile 10.`;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        {title}
      </h2>
      <ol className="legend__scale" aria-label="Deciles from most to least deprived">
        {DECILE_COLOURS.map((colour, i) => (
          <li key={i} style={{ background: toCss(colour), color: textColourOn(colour) }} aria-label={`Decile ${i + 1}${i === 0 ? ', most deprived' : i === 9 ? ', least deprived' : ''}`}>
            {i + 1}
          </li>
        ))}
      </ol>
      <div className="legend__ends" aria-hidden="true">
        <span>Most deprived</span>
        <span>Least deprived</span>
      </div>
      <p className="legend__note">{explanation}</p>
      <p className="legend__note">
        <span className="swatch" style={{ background: toCss(NO_DATA_COLOUR) }} /> Loading or no data
      </p>
    </section>
  );
}
