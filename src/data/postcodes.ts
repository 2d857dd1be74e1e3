/**
 * UK postcodes as people type them ("b15 2tt", "B152TT", "B15 2OT"): read,
 * normalised and told apart from postcodes the English data cannot have.
 *
 * A postcode is an outward code (area letters, district digits, sometimes a
 * final letter: B15, SW1A, M1) and an inward code (a sector digit and two
 * unit letters: 2TT). Royal Mail's format (BS 7666):
 *
 *     outward  A9 | A99 | AA9 | AA99 | A9A | AA9A (the last two in central London)
 *     inward   9AA, the unit letters never C, I, K, M, O or V
 *
 * Normalising: upper case, spaces dropped and put back before the inward
 * code; where the text is not a postcode as typed, the commonest slips are
 * mended: a letter O typed for the digit 0 (and a 0 for the letter O in the
 * area), and I or L for the digit 1, in the positions where only a digit
 * (or only a letter) can stand. Only a mending that gives a valid format is
 * kept, and the caller is told that the text was mended.
 *
 * Nations: the English Indices of Deprivation cover England only. Postcode
 * areas wholly in Scotland, Wales or Northern Ireland, and the Crown
 * dependencies, are told apart by their letters; a few areas cross the
 * border with Wales or Scotland (CH, HR, LD, NP, SY, TD, CA and others), so a
 * postcode of theirs that the English index lacks may be Welsh or Scottish.
 */

export interface Postcode {
  outward: string;
  inward: string;
  /** As Royal Mail writes it: "B15 2TT". */
  text: string;
  /** Whether the text typed had to be mended (O for 0, and the like) to be a postcode. */
  mended: boolean;
}

export type PostcodeProblem = 'empty' | 'format';

export type Nation = 'england' | 'scotland' | 'wales' | 'northernIreland' | 'crownDependency' | 'border';

// A district letter (A9A, AA9A) is used only in central London: E1W, N1C, W1A, EC1A, NW1W, SE1P, SW1A, WC2H…
const OUTWARD = /^(?:[A-Z]{1,2}\d{1,2}|(?:E|N|W|EC|NW|SE|SW|WC)\d[A-Z])$/;
const INWARD = /^\d[ABD-HJLNP-UW-Z]{2}$/;

/** Postcode areas wholly outside England. */
const AREAS: Record<Exclude<Nation, 'england' | 'border'>, readonly string[]> = {
  scotland: ['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'ZE'],
  wales: ['CF', 'LL', 'SA'],
  northernIreland: ['BT'],
  crownDependency: ['GY', 'JE', 'IM'],
};

/** Areas with postcodes on both sides of a border with Wales or Scotland. */
const BORDER_AREAS: readonly string[] = ['CA', 'CH', 'HR', 'LD', 'NE', 'NP', 'SY', 'TD'];

const isPostcode = (outward: string, inward: string) => OUTWARD.test(outward) && INWARD.test(inward);

/** The commonest slips: a letter typed for a look-alike digit, or a digit for a look-alike letter. */
const SLIPS: Record<string, string> = { O: '0', I: '1', L: '1', '0': 'O', '1': 'I' };

/**
 * Mends the slips of a compact postcode (no spaces): of every way of
 * swapping look-alike characters, the one with the fewest swaps that gives a
 * valid postcode (ties: the first, left to right), or none.
 */
function mended(compact: string): { outward: string; inward: string } | undefined {
  let best: { outward: string; inward: string; swaps: number } | undefined;
  const chars = [...compact];
  const visit = (i: number, text: string, swaps: number) => {
    if (best && swaps >= best.swaps) return;
    if (i === chars.length) {
      const outward = text.slice(0, -3);
      const inward = text.slice(-3);
      if (isPostcode(outward, inward)) best = { outward, inward, swaps };
      return;
    }
    visit(i + 1, text + chars[i], swaps);
    const slip = SLIPS[chars[i]];
    if (slip) visit(i + 1, text + slip, swaps + 1);
  };
  visit(0, '', 0);
  return best && { outward: best.outward, inward: best.inward };
}

/** Reads a postcode as typed; a problem when there is none or it is not a postcode's format. */
export function parsePostcode(input: string): { postcode: Postcode } | { problem: PostcodeProblem } {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  if (compact === '') return { problem: 'empty' };
  if (compact.length < 5 || compact.length > 7 || !/^[A-Z0-9]+$/.test(compact)) return { problem: 'format' };
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  if (isPostcode(outward, inward)) return { postcode: { outward, inward, text: `${outward} ${inward}`, mended: false } };
  const fixed = mended(compact);
  if (fixed) return { postcode: { ...fixed, text: `${fixed.outward} ${fixed.inward}`, mended: true } };
  return { problem: 'format' };
}

/** The letters of an outward code's area ("SW" of "SW1A"). */
export function postcodeArea(outward: string): string {
  return /^[A-Z]{1,2}/.exec(outward)?.[0] ?? '';
}

/**
 * The nation of an outward code by its area: England, one of the others, or
 * `border` for an area on both sides of a border (the English index says
 * whether a postcode of it is English).
 */
export function nationOf(outward: string): Nation {
  const area = postcodeArea(outward);
  for (const [nation, areas] of Object.entries(AREAS) as [Nation, readonly string[]][]) if (areas.includes(area)) return nation;
  return BORDER_AREAS.includes(area) ? 'border' : 'england';
}

/** Whether partial input could be the start of a postcode (for suggestions): letters, then digits and letters, at most 8 characters. */
export function couldBePostcodeStart(input: string): boolean {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  return compact.length >= 1 && compact.length <= 7 && /^[A-Z]{1,2}(\d[A-Z\d]?(\d[A-Z]{0,2})?)?$/.test(compact);
}
