/**
 * Checks on counts per unit shared by the segregation indices: every index
 * rejects arrays of different lengths and counts that are not counts,
 * naming the array and the unit, so that a bad row of a source file can be
 * found.
 */

/**
 * Throws a RangeError naming both lengths unless two arrays of counts per
 * unit have the same number of units.
 */
export function checkSameUnits(
  firstName: string,
  first: ArrayLike<number>,
  secondName: string,
  second: ArrayLike<number>,
): void {
  if (first.length !== second.length) {
    throw new RangeError(
      `${firstName} has ${first.length} units but ${secondName} has ${second.length}; both need one count per unit`,
    );
  }
}

/**
 * Returns `value` unless it is not a count (negative, infinite or NaN); then
 * throws a RangeError naming the array and the unit, so a bad row in a source
 * file can be found.
 */
export function checkedCount(name: string, unit: number, value: number): number {
  // One comparison chain rejects NaN too (every comparison with NaN is false).
  if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`${name}[${unit}] is ${value}: a count must be finite and 0 or more`);
  }
  return value;
}

/**
 * Tolerance for counts that add up to a shade over their unit's total:
 * exact for whole numbers, but rescaled (fractional) counts can round up.
 */
const ROUNDING = 1e-9;

/** Throws a RangeError naming the unit when `count` exceeds the unit's `total`. */
export function checkWithinTotal(name: string, unit: number, count: number, total: number): void {
  if (count - total > ROUNDING * total) {
    throw new RangeError(`${name} in unit ${unit} is ${count}, more than the unit's total ${total}`);
  }
}
