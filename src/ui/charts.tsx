/**
 * Small charts of the area panel, drawn with HTML so that they scale, print
 * and read out: every chart carries its numbers as text for screen readers.
 */
import { DECILE_COLOURS, textColourOn, toCss } from '../config/palette.ts';
import { formatInteger, formatPercent } from './format.ts';

export interface DecileRow {
  label: string;
  decile: number;
  detail: string;
  emphasis?: boolean;
}

/** One row per indicator: a strip of ten deciles with the area's decile marked. */
export function DecileStrips({ rows, caption }: { rows: DecileRow[]; caption: string }) {
  return (
    <table className="strips">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Decile (1 = most deprived)</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.emphasis ? 'strips__row strips__row--emphasis' : 'strips__row'}>
            <th scope="row" className="strips__label">
              {row.label}
            </th>
            <td className="strips__cells">
              <span className="visually-hidden">{row.decile}</span>
              <span className="strips__strip" aria-hidden="true">
                {DECILE_COLOURS.map((colour, i) => (
                  <span
                    key={i}
                    className={i + 1 === row.decile ? 'strips__cell strips__cell--on' : 'strips__cell'}
                    style={i + 1 === row.decile ? { background: toCss(colour), color: textColourOn(colour) } : undefined}
                  >
                    {i + 1 === row.decile ? row.decile : ''}
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

/** How an area's LSOAs spread across England's ten deciles. */
export function DecileDistribution({ counts, caption }: { counts: number[]; caption: string }) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const max = Math.max(1, ...counts);
  return (
    <figure className="distribution">
      <figcaption>{caption}</figcaption>
      <table className="distribution__table">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">National decile</th>
            <th scope="col">LSOAs</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count, i) => (
            <tr key={i}>
              <th scope="row" className="distribution__decile">
                {i + 1}
                <span className="visually-hidden">{i === 0 ? ' (most deprived)' : i === 9 ? ' (least deprived)' : ''}</span>
              </th>
              <td className="distribution__bar-cell">
                <div>
                  <span
                    className="distribution__bar"
                    style={{ width: `${(count / max) * 85}%`, background: toCss(DECILE_COLOURS[i]) }}
                    aria-hidden="true"
                  />
                  <span className="distribution__count">{formatInteger(count)}</span>
                </div>
              </td>
              <td className="distribution__share">{total ? formatPercent(count / total, 0) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="distribution__axis" aria-hidden="true">
        <span>1 = most deprived 10% in England</span>
        <span>10 = least deprived</span>
      </p>
    </figure>
  );
}
