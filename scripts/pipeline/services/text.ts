/**
 * Text as the service sources publish it, made fit to show: names in capitals
 * (NHS ODS) in ordinary case, HTML fragments of the warm-space directories as
 * plain text, and ids from names.
 */
import { decodeHTML } from 'entities';

/** Words the ODS file spells in capitals that stay so. */
const KEPT_UPPER = new Set(['NHS', 'GP', 'GPS', 'PCN', 'UK', 'HMP', 'YOI', 'IRC', 'PLC', 'LLP', 'CIC', 'CIO', 'UCL', 'BMA', 'HQ']);

/**
 * "THE DENSHAM SURGERY" → "The Densham Surgery", "ST JOHN'S MEDICAL CENTRE" →
 * "St John's Medical Centre", "O'BRIEN" → "O'Brien", "NHS HEALTH CENTRE"
 * keeps "NHS"; words with digits (unit numbers, "2A") as they are.
 */
export function fromCapitals(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (KEPT_UPPER.has(word.replace(/[^A-Z]/g, '')) || /\d/.test(word)) return word;
      // A capital after the start, a hyphen, slash, bracket or full stop; a letter after an apostrophe stays small ("John's").
      return word
        .toLowerCase()
        .replace(/(^|[-/(.&])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
        .replace(/'([a-z])(?=[a-z])/g, (_, letter: string) => `'${letter.toUpperCase()}`);
    })
    .join(' ');
}

/** Lines of an HTML fragment as plain text: tags dropped (a line break, paragraph or list item ends a line), entities decoded, spaces collapsed. */
export function htmlToLines(html: string): string[] {
  const broken = html.replace(/<\s*(br|\/p|\/li|li|\/div|\/h\d)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, '');
  return decodeHTML(broken)
    .split(/[\r\n]+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** An HTML fragment as one line of plain text (lines joined by "; "), or undefined when nothing is left. */
export function htmlToText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = htmlToLines(html)
    .map((line, i, lines) => (i < lines.length - 1 && !/[.;:,!?]$/.test(line) ? `${line};` : line))
    .join(' ');
  return text === '' ? undefined : text;
}

/** Words of a text as ids use them: lower case ASCII letters and digits, hyphen-joined ("St Mary's Library" → "st-marys-library"). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Address lines joined into one, blanks left out; undefined when all are blank. */
export function joinAddress(lines: readonly string[]): string | undefined {
  const kept = lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
  return kept.length > 0 ? kept.join(', ') : undefined;
}

/** A string cell as published, trimmed (non-breaking spaces too), or undefined when blank. */
export function cellText(value: string | undefined): string | undefined {
  const text = value?.replace(/[\s\u00a0]+/g, ' ').trim();
  return text ? text : undefined;
}
