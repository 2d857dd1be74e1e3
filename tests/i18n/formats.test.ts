/** Formatting through react-intl (src/i18n/useText.ts): messages inside messages, numbers in the reader's locale. */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/i18n/useText.ts';
import { SIMPSON } from '../../src/config/catalogue/diversity.ts';

describe('formats', () => {
  it('translate a message given as the value of another (a layer’s label in a notice)', () => {
    const intl = createIntl({ locale: 'cy', defaultLocale: 'en-GB', messages: { 'test.label': 'Mynegai', 'test.outer': '{layer}: dim data' }, onError: () => {} });
    const text = formatsFor(intl).t({ id: 'test.outer', defaultMessage: '{layer}: no data' }, { layer: { id: 'test.label', defaultMessage: 'Index' } });
    expect(text).toBe('Mynegai: dim data');
  });

  it('write numbers, percentages and ranks in the reader’s locale', () => {
    const en = formatsFor(createIntl({ locale: 'en-GB', onError: () => {} }));
    expect(en.integer(33755)).toBe('33,755');
    expect(en.percent(0.1954)).toBe('19.5%');
    expect(en.rankOf(1561, 32844)).toBe('1,561 of 32,844');
    expect(en.measure(SIMPSON, 0.71663)).toBe('0.717');
    expect(en.measure(SIMPSON, null)).toBe('–');
    const distance = { ...SIMPSON, format: { style: 'unit' as const, unit: 'kilometer', decimals: 1, storedDecimals: 3 } };
    expect(en.measure(distance, 1.234)).toBe('1.2 km');
    const de = formatsFor(createIntl({ locale: 'de-DE', onError: () => {} }));
    expect(de.integer(33755)).toBe('33.755');
    expect(de.measure(SIMPSON, 0.71663)).toBe('0,717');
  });
});
