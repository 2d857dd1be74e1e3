/**
 * Ranks and deciles as the English Indices of Deprivation use them.
 *
 * Convention throughout: rank 1 is the most deprived, decile 1 is the most
 * deprived tenth. Reference: MHCLG, The English Indices of Deprivation 2025,
 * Technical Report, chapter "Outputs" (deciles) and "Summary measures".
 */

/**
 * Decile of a rank among `n` areas: decile = ⌈rank × 10 / n⌉.
 * This is the official IoD method (decile 1 = ranks 1 … ⌊n/10⌋).
 */
export function decileFromRank(rank: number, n: number): number {
  if (!(rank >= 1 && rank <= n)) throw new RangeError(`rank ${rank} is outside 1..${n}`);
  return Math.ceil((rank * 10) / n);
}

/**
 * Percentile of a rank among `n` areas: percentile = ⌈rank × 100 / n⌉,
 * so percentile 1 holds the most deprived 1% of areas.
 */
export function percentileFromRank(rank: number, n: number): number {
  if (!(rank >= 1 && rank <= n)) throw new RangeError(`rank ${rank} is outside 1..${n}`);
  return Math.ceil((rank * 100) / n);
}

/**
 * Ranks values so that the largest gets rank 1 ("1 = most deprived" when a
 * larger value means more deprived). Equal values share the smallest rank of
 * their group and the next rank is skipped (standard competition ranking,
 * "1224"), which is how File 10 ranks tied local authorities.
 * NaN values get rank NaN and do not take a rank.
 */
export function rankDescending(values: ArrayLike<number>): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) order.push(i);
  order.sort((a, b) => values[b] - values[a] || a - b);
  const ranks = new Float64Array(values.length).fill(Number.NaN);
  for (let position = 0; position < order.length; position++) {
    const index = order[position];
    const previous = order[position - 1];
    ranks[index] =
      position > 0 && values[previous] === values[index] ? ranks[previous] : position + 1;
  }
  return ranks;
}

/**
 * Ranks values within groups (for example wards within their authority),
 * with the same convention as {@link rankDescending}. `groups[i]` is the group
 * of value i; the result holds each value's rank among its group.
 */
export function rankDescendingWithinGroups(
  values: ArrayLike<number>,
  groups: ArrayLike<number>,
): Float64Array {
  if (values.length !== groups.length) throw new RangeError('values and groups differ in length');
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const list = members.get(groups[i]);
    if (list) list.push(i);
    else members.set(groups[i], [i]);
  }
  const ranks = new Float64Array(values.length).fill(Number.NaN);
  for (const indices of members.values()) {
    const groupRanks = rankDescending(indices.map((i) => values[i]));
    indices.forEach((valueIndex, k) => (ranks[valueIndex] = groupRanks[k]));
  }
  return ranks;
}

/**
 * Deciles of areas from their competition ranks (see rankDescending), for a
 * measure with ties. Tied areas share the decile of the first place of their
 * tie, as they share its rank, except the tie that reaches the last place:
 * typically the many areas with none of the measure (no LSOA in the most
 * deprived 10%, no population in the most deprived 30%), which are tied for
 * least deprived and take decile 10 rather than a middle decile that says
 * nothing about them. Without ties this is decileFromRank.
 */
export function decilesOfRanks(ranks: ArrayLike<number>): Uint8Array {
  const n = ranks.length;
  const tieSize = new Map<number, number>();
  for (let i = 0; i < n; i++) tieSize.set(ranks[i], (tieSize.get(ranks[i]) ?? 0) + 1);
  const deciles = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const reachesLast = ranks[i] + tieSize.get(ranks[i])! - 1 === n;
    deciles[i] = decileFromRank(reachesLast ? n : ranks[i], n);
  }
  return deciles;
}

/** Number of members in each group, e.g. how many wards each authority has. */
export function groupSizes(groups: ArrayLike<number>, groupCount: number): Uint32Array {
  const sizes = new Uint32Array(groupCount);
  for (let i = 0; i < groups.length; i++) sizes[groups[i]]++;
  return sizes;
}

/**
 * How the small areas of each larger area spread over classes (e.g. the
 * LSOAs of each ward over the national IMD deciles): flattened, the areas
 * of group g in class c at [g × classCount + c − 1]. Class 0 (no value) is
 * not counted.
 */
export function classCounts(
  classes: ArrayLike<number>,
  groups: ArrayLike<number>,
  groupCount: number,
  classCount: number,
): Uint32Array {
  if (classes.length !== groups.length) throw new RangeError('classes and groups differ in length');
  const counts = new Uint32Array(groupCount * classCount);
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c === 0) continue;
    if (!(c >= 1 && c <= classCount)) throw new RangeError(`class ${c} is outside 1..${classCount}`);
    counts[groups[i] * classCount + c - 1]++;
  }
  return counts;
}
