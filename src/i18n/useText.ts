/**
 * Hooks that turn messages and numbers into text in the reader's locale.
 * Components use these (or react-intl's <FormattedMessage>) for every text
 * they show; tests/i18n/literals.test.ts fails on a string literal rendered
 * by a component.
 */
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { MeasureSpec, Msg } from '../config/catalogue/types.ts';

/** Values of a message; a value that is itself a message (a layer's label, say) is put in the reader's language first. */
export type MessageValues = Record<string, string | number | boolean | null | undefined | Date | Msg>;
export type Translate = (msg: Msg, values?: MessageValues) => string;

export interface Formats {
  /** A message in the reader's language. */
  t: Translate;
  integer(value: number): string;
  decimal(value: number, decimals: number): string;
  /** A fraction as a percentage: 0.253 → "25.3%". */
  percent(fraction: number, decimals?: number): string;
  /** A measure's value as the catalogue says to write it; "–" for none. */
  measure(measure: MeasureSpec, value: number | null | undefined): string;
  /** "12 of 33,755". */
  rankOf(rank: number, of: number): string;
}

const RANK_OF: Msg = { id: 'format.rankOf', defaultMessage: '{rank} of {total}' };
const NONE: Msg = { id: 'format.none', defaultMessage: '–' };

const isMsg = (value: unknown): value is Msg => typeof value === 'object' && value !== null && 'id' in value && 'defaultMessage' in value;

export function formatsFor(intl: IntlShape): Formats {
  const t: Translate = (msg, values) =>
    intl.formatMessage(msg, values && (Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isMsg(value) ? t(value) : value])) as Record<string, string>));
  const integer = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 0 });
  const decimal = (value: number, decimals: number) => intl.formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const percent = (fraction: number, decimals = 1) =>
    intl.formatNumber(fraction, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return {
    t,
    integer,
    decimal,
    percent,
    measure: (measure, value) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return t(NONE);
      const { style, decimals, unit } = measure.format;
      if (style === 'unit') return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: decimals });
      return style === 'percent' ? percent(value, decimals) : style === 'integer' ? integer(value) : decimal(value, decimals);
    },
    rankOf: (rank, of) => t(RANK_OF, { rank: integer(rank), total: integer(of) }),
  };
}

/** Formatting in the reader's locale: `const f = useFormats(); f.t(msg)`. */
export function useFormats(): Formats {
  const intl = useIntl();
  return useMemo(() => formatsFor(intl), [intl]);
}
