/**
 * Small charts of the area panel, drawn with HTML so that they scale, print
 * and read out: every chart carries its numbers as text for screen readers.
 * They know nothing of layers: rows come with their own class colours (from
 * the layer's class scheme), so deciles, quintiles or any other scheme draw
 * alike.
 */
import type { Msg } from '../config/catalogue/types.ts';
import { textColourOn, toCss, type Rgb } from '../config/palette.ts';
import { useFormats } from '../i18n/useText.ts';

const MESSAGES = {
  stripsLayer: { id: 'charts.strips.layer', defaultMessage: 'Layer' },
  stripsClass: { id: 'charts.strips.class', defaultMessage: 'Class' },
  stripsDetail: { id: 'charts.strips.detail', defaultMessage: 'Detail' },
  noClass: { id: 'charts.strips.noClass', defaultMessage: 'no value' },
  distributionClass: { id: 'charts.distribution.class', defaultMessage: 'Class' },
  distributionCount: { id: 'charts.distribution.count', defaultMessage: 'LSOAs' },
  distributionShare: { id: 'charts.distribution.share', defaultMessage: 'Share' },
  none: { id: 'format.none', defaultMessage: '–' },
  end: { id: 'charts.distribution.end', defaultMessage: '{value} = {words}' },
} satisfies Record<string, Msg>;

export interface StripRow {
  key: string;
  label: string;
  /** Class of the area (1…n); 0 for none. */
  cls: number;
  /** colours[c - 1] is the colour of class c; its length is the number of classes. */
  colours: readonly Rgb[];
  detail: string;
  emphasis?: boolean;
}

/** One row per layer or measure: a strip of its classes with the area's class marked. */
export function ClassStrips({ rows, caption }: { rows: StripRow[]; caption: string }) {
  const f = useFormats();
  return (
    <table className="strips">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{f.t(MESSAGES.stripsLayer)}</th>
          <th scope="col">{f.t(MESSAGES.stripsClass)}</th>
          <th scope="col">{f.t(MESSAGES.stripsDetail)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.emphasis ? 'strips__row strips__row--emphasis' : 'strips__row'}>
            <th scope="row" className="strips__label">
              {row.label}
            </th>
            <td className="strips__cells">
              <span className="visually-hidden">{row.cls > 0 ? f.integer(row.cls) : f.t(MESSAGES.noClass)}</span>
              <span className="strips__strip" style={{ gridTemplateColumns: `repeat(${row.colours.length}, 1fr)` }} aria-hidden="true">
                {row.colours.map((colour, i) => (
                  <span
                    key={i}
                    className={i + 1 === row.cls ? 'strips__cell strips__cell--on' : 'strips__cell'}
                    style={i + 1 === row.cls ? { background: toCss(colour), color: textColourOn(colour) } : undefined}
                  >
                    {i + 1 === row.cls ? f.integer(row.cls) : null}
                  </span>
                ))}
              </span>
            </td>
            <td className="strips__detail">{row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * How an area's LSOAs spread over a layer's classes: counts[c - 1] LSOAs in
 * class c, drawn in colours[c - 1]; `descriptions` say what each class is to
 * screen readers, `ends` what the first and last class mean.
 */
export function ClassDistribution({
  counts,
  colours,
  descriptions,
  ends,
  caption,
}: {
  counts: readonly number[];
  colours: readonly Rgb[];
  descriptions: readonly string[];
  ends: [string, string];
  caption: string;
}) {
  const f = useFormats();
  const total = counts.reduce((sum, n) => sum + n, 0);
  const max = Math.max(1, ...counts);
  return (
    <figure className="distribution">
      <figcaption>{caption}</figcaption>
      <table className="distribution__table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{f.t(MESSAGES.distributionClass)}</th>
            <th scope="col">{f.t(MESSAGES.distributionCount)}</th>
            <th scope="col">{f.t(MESSAGES.distributionShare)}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count, i) => (
            <tr key={i}>
              <th scope="row" className="distribution__decile">
                <span aria-hidden="true">{f.integer(i + 1)}</span>
                <span className="visually-hidden">{descriptions[i]}</span>
              </th>
              <td className="distribution__bar-cell">
                <div>
                  <span
                    className="distribution__bar"
                    style={{ width: `${(count / max) * 85}%`, background: colours[i] ? toCss(colours[i]) : undefined }}
                    aria-hidden="true"
                  />
                  <span className="distribution__count">{f.integer(count)}</span>
                </div>
              </td>
              <td className="distribution__share">{total ? f.percent(count / total, 0) : f.t(MESSAGES.none)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="distribution__axis" aria-hidden="true">
        <span>{f.t(MESSAGES.end, { value: f.integer(1), words: ends[0] })}</span>
        <span>{f.t(MESSAGES.end, { value: f.integer(counts.length), words: ends[1] })}</span>
      </p>
    </figure>
  );
}

