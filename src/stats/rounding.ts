/** Rounding shared by the pipeline (stored values, downloads) and the app (computed layers), so both write the same figures. */

/**
 * Rounds half away from zero to `decimals` places, as a person would: the
 * shift is done on the decimal text ("0.2405e3"), so the binary
 * representation (0.2405 is stored as 0.24049999…) does not turn a half
 * down. -0 becomes 0.
 */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Math.sign(value) * shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  return rounded === 0 ? 0 : rounded;
}

/** value × 10^places, done on the decimal text, which may be in exponent form ("5e-7", "1e+22"). */
function shiftDecimal(value: number, places: number): number {
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}
