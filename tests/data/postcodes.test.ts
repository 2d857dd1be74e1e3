import { describe, expect, it } from 'vitest';
import { couldBePostcodeStart, nationOf, parsePostcode, postcodeArea } from '../../src/data/postcodes.ts';

const text = (input: string) => {
  const result = parsePostcode(input);
  return 'postcode' in result ? result.postcode.text : result.problem;
};

describe('parsePostcode', () => {
  it('reads a postcode however it is spaced or cased', () => {
    for (const input of ['B15 2TT', 'b15 2tt', 'B152TT', ' b15  2tt ', 'B15-2TT']) expect(text(input), input).toBe('B15 2TT');
    expect(text('sw1a1aa')).toBe('SW1A 1AA');
    expect(text('M11AE')).toBe('M1 1AE');
    expect(text('ec1a 1bb')).toBe('EC1A 1BB');
    expect(text('W1A 0AX')).toBe('W1A 0AX');
  });

  it('mends a letter O or I typed for a digit and a 0 typed for the letter O, and says so', () => {
    const result = parsePostcode('B15 OTT');
    expect(result).toEqual({ postcode: { outward: 'B15', inward: '0TT', text: 'B15 0TT', mended: true } });
    expect(text('0X1 1AA')).toBe('OX1 1AA');
    expect(text('B1O 1AA')).toBe('B10 1AA');
    expect(text('LS1 I AD'.replace(' I', 'I'))).toBe('LS1 1AD');
    expect(parsePostcode('B15 2TT')).toEqual({ postcode: { outward: 'B15', inward: '2TT', text: 'B15 2TT', mended: false } });
  });

  it('says what is wrong with what is not a postcode', () => {
    expect(parsePostcode('')).toEqual({ problem: 'empty' });
    expect(parsePostcode('   ')).toEqual({ problem: 'empty' });
    for (const input of ['B15', 'Huyton', '12345', 'B15 2TTT', 'B15 2CT', 'B15 22T', '££ 2TT', 'BBB1 2TT']) expect(parsePostcode(input), input).toEqual({ problem: 'format' });
  });
});

describe('nations', () => {
  it('tells the areas wholly outside England, and those on a border', () => {
    expect(nationOf('EH1')).toBe('scotland');
    expect(nationOf('G2')).toBe('scotland');
    expect(nationOf('CF10')).toBe('wales');
    expect(nationOf('BT1')).toBe('northernIreland');
    expect(nationOf('JE2')).toBe('crownDependency');
    expect(nationOf('SY13')).toBe('border');
    expect(nationOf('B15')).toBe('england');
    expect(nationOf('GL1')).toBe('england'); // G is Scottish, GL is not
    expect(postcodeArea('SW1A')).toBe('SW');
  });
});

describe('couldBePostcodeStart', () => {
  it('accepts the beginnings of postcodes and refuses words', () => {
    for (const input of ['B', 'B1', 'B15', 'B15 2', 'B15 2T', 'SW1A 1', 'sw1a']) expect(couldBePostcodeStart(input), input).toBe(true);
    for (const input of ['', 'Huyton', 'Kirkby', '15', 'B15 2TTX']) expect(couldBePostcodeStart(input), input).toBe(false);
  });
});
