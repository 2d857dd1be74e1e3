/**
 * Which place labels to show: greedy placement in priority order, skipping
 * any label whose box would overlap one already placed (the approach map
 * renderers use for point labels). Done on the CPU once the map stops
 * moving; a few hundred labels take well under a millisecond.
 */

export interface LabelCandidate {
  name: string;
  position: [number, number];
  /** Higher is placed first. */
  priority: number;
}

export interface PlacementOptions {
  /** Screen position of a [lng, lat]. */
  project(position: [number, number]): [number, number];
  width: number;
  height: number;
  /** Width of a label's text in pixels. */
  textWidth(text: string): number;
  /** Height of a label's text in pixels. */
  textHeight: number;
  /** Empty space kept around each label, in pixels. */
  padding: number;
}

type Box = [number, number, number, number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function placeLabels<T extends LabelCandidate>(candidates: readonly T[], options: PlacementOptions, alreadyPlaced: Box[] = []): { placed: T[]; boxes: Box[] } {
  const { width, height, padding } = options;
  const boxes = [...alreadyPlaced];
  // A coarse grid over the screen, so each test looks only at nearby boxes.
  const cell = 128;
  const columns = Math.ceil(width / cell) + 1;
  const grid = new Map<number, Box[]>();
  const cellsOf = (box: Box) => {
    const keys: number[] = [];
    for (let cx = Math.max(0, Math.floor(box[0] / cell)); cx <= Math.floor(box[2] / cell); cx++) {
      for (let cy = Math.max(0, Math.floor(box[1] / cell)); cy <= Math.floor(box[3] / cell); cy++) keys.push(cy * columns + cx);
    }
    return keys;
  };
  const insert = (box: Box) => {
    for (const key of cellsOf(box)) {
      const list = grid.get(key);
      if (list) list.push(box);
      else grid.set(key, [box]);
    }
  };
  boxes.forEach(insert);

  const placed: T[] = [];
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  for (const candidate of ordered) {
    const [x, y] = options.project(candidate.position);
    const halfWidth = options.textWidth(candidate.name) / 2 + padding;
    const halfHeight = options.textHeight / 2 + padding;
    const box: Box = [x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight];
    // Only labels wholly on screen: a cut-off name is worse than none.
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
    const clash = cellsOf(box).some((key) => grid.get(key)?.some((other) => overlaps(box, other)));
    if (clash) continue;
    placed.push(candidate);
    boxes.push(box);
    insert(box);
  }
  return { placed, boxes };
}
