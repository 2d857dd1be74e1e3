/**
 * Greedy label placement. Positions are given directly in screen pixels
 * (project is the identity), every letter is 10 px wide, text is 10 px
 * high, and 3 px of padding is kept around each label: a label of n
 * letters at (x, y) takes the box
 *   [x − 5n − 3, y − 8, x + 5n + 3, y + 8].
 */
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelCandidate, type PlacementOptions } from '../../src/map/labelPlacement.ts';

const OPTIONS: PlacementOptions = {
  project: (position) => position,
  width: 800,
  height: 600,
  textWidth: (text) => 10 * text.length,
  textHeight: 10,
  padding: 3,
};

const label = (name: string, x: number, y: number, priority = 0): LabelCandidate => ({ name, position: [x, y], priority });
const namesOf = (result: { placed: LabelCandidate[] }) => result.placed.map((c) => c.name);

describe('placeLabels: priority and overlap', () => {
  it('places every label when none overlap, highest priority first', () => {
    const result = placeLabels([label('Leeds', 100, 100, 1), label('York', 400, 300, 3), label('Hull', 700, 500, 2)], OPTIONS);
    expect(namesOf(result)).toEqual(['York', 'Hull', 'Leeds']);
    // York: 4 letters at (400, 300) → [400 − 23, 300 − 8, 400 + 23, 300 + 8]
    expect(result.boxes[0]).toEqual([377, 292, 423, 308]);
    expect(result.boxes).toHaveLength(3);
  });

  it('lets the higher priority win an overlap, whatever the input order', () => {
    const low = label('Aaaa', 100, 100, 1);
    const high = label('Bbbb', 110, 100, 5);
    expect(namesOf(placeLabels([low, high], OPTIONS))).toEqual(['Bbbb']);
    expect(namesOf(placeLabels([high, low], OPTIONS))).toEqual(['Bbbb']);
  });

  it('breaks equal priority by name, so the result does not depend on input order', () => {
    const bravo = label('Bravo', 200, 200, 2);
    const alpha = label('Alpha', 205, 202, 2);
    expect(namesOf(placeLabels([bravo, alpha], OPTIONS))).toEqual(['Alpha']);
    expect(namesOf(placeLabels([alpha, bravo], OPTIONS))).toEqual(['Alpha']);
  });

  it('lets a dropped label not block others', () => {
    // B loses to A; C overlaps only B, so C is placed.
    // A "Aaaa" at 100: [77, 123]; B "Bbbb" at 140: [117, 163]; C "Cccc" at 180: [157, 203].
    const result = placeLabels([label('Aaaa', 100, 100, 3), label('Bbbb', 140, 100, 2), label('Cccc', 180, 100, 1)], OPTIONS);
    expect(namesOf(result)).toEqual(['Aaaa', 'Cccc']);
  });

  it('returns the input objects themselves', () => {
    const candidate = { ...label('Leeds', 100, 100), extra: 42 };
    const { placed } = placeLabels([candidate], OPTIONS);
    expect(placed[0]).toBe(candidate);
    expect(placed[0].extra).toBe(42);
  });

  it('places nothing from nothing', () => {
    expect(placeLabels([], OPTIONS)).toEqual({ placed: [], boxes: [] });
  });
});

describe('placeLabels: padding', () => {
  // "Aaaa" at x = 100: text from 80 to 120, box from 77 to 123.
  it('places two labels whose texts are exactly 2 × padding apart side by side', () => {
    // "Bbbb" at 146: text from 126 (120 + 6) to 166, box from 123 to 169: the boxes touch.
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 146, 100)], OPTIONS))).toEqual(['Aaaa', 'Bbbb']);
  });

  it('drops one of two labels less than 2 × padding apart side by side', () => {
    // "Bbbb" at 145: box from 122, inside A's box (to 123).
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 145, 100)], OPTIONS))).toEqual(['Aaaa']);
  });

  it('does the same one above the other', () => {
    // Text 10 px high: A at y = 100 has text 95–105, box 92–108.
    // B at y = 116: text 111–121 (6 px below), box 108–124: touching.
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 100, 116)], OPTIONS))).toEqual(['Aaaa', 'Bbbb']);
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 100, 115)], OPTIONS))).toEqual(['Aaaa']);
  });

  it('with no padding, lets texts touch', () => {
    const tight = { ...OPTIONS, padding: 0 };
    // A text 80–120, B text 120–160.
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 140, 100)], tight))).toEqual(['Aaaa', 'Bbbb']);
    expect(namesOf(placeLabels([label('Aaaa', 100, 100), label('Bbbb', 139, 100)], tight))).toEqual(['Aaaa']);
  });
});

describe('placeLabels: the screen edges', () => {
  // "Edge" (4 letters): half width 20 + 3 = 23, half height 5 + 3 = 8; screen 800 × 600.
  const placedAt = (x: number, y: number) => namesOf(placeLabels([label('Edge', x, y)], OPTIONS)).length === 1;

  it('places a label whose box just fits', () => {
    expect(placedAt(23, 300)).toBe(true); // left edge of box at 0
    expect(placedAt(777, 300)).toBe(true); // right edge at 800
    expect(placedAt(400, 8)).toBe(true); // top at 0
    expect(placedAt(400, 592)).toBe(true); // bottom at 600
    expect(placedAt(23, 8)).toBe(true);
  });

  it('drops a label partly off screen', () => {
    expect(placedAt(22, 300)).toBe(false);
    expect(placedAt(778, 300)).toBe(false);
    expect(placedAt(400, 7)).toBe(false);
    expect(placedAt(400, 593)).toBe(false);
  });

  it('drops a label wholly off screen', () => {
    expect(placedAt(-500, 300)).toBe(false);
    expect(placedAt(400, 5000)).toBe(false);
  });

  it('uses the projection for the position', () => {
    // Project [lng, lat] by doubling: (50, 50) is drawn at (100, 100).
    const doubled = { ...OPTIONS, project: ([x, y]: [number, number]): [number, number] => [2 * x, 2 * y] };
    const result = placeLabels([label('Edge', 50, 50)], doubled);
    expect(result.boxes).toEqual([[77, 92, 123, 108]]);
    // (395, 100) is drawn at (790, 200): off the right edge.
    expect(namesOf(placeLabels([label('Edge', 395, 100)], doubled))).toEqual([]);
  });
});

describe('placeLabels: boxes already placed', () => {
  it('avoids them, and returns them first among the boxes', () => {
    const existing: [number, number, number, number][] = [[90, 90, 130, 110]];
    const copy = existing.map((box) => [...box]);
    const result = placeLabels([label('Blocked', 100, 100, 9), label('Free', 400, 100, 1)], OPTIONS, existing);
    expect(namesOf(result)).toEqual(['Free']);
    expect(result.boxes).toEqual([
      [90, 90, 130, 110],
      [400 - 23, 92, 400 + 23, 108],
    ]);
    // The caller's list is left alone.
    expect(existing).toEqual(copy);
  });

  it('can be fed the boxes of an earlier call, to place a second kind of label around the first', () => {
    const first = placeLabels([label('Leeds', 100, 100)], OPTIONS);
    const second = placeLabels([label('Headingley', 110, 104), label('Hunslet', 300, 300)], OPTIONS, first.boxes);
    expect(namesOf(second)).toEqual(['Hunslet']);
  });

  it('finds a clash with a box that is partly off screen', () => {
    // A box across the top-left corner still blocks a label inside the screen that it overlaps.
    const existing: [number, number, number, number][] = [[-50, -50, 30, 30]];
    expect(namesOf(placeLabels([label('Edge', 40, 20)], OPTIONS, existing))).toEqual([]);
    expect(namesOf(placeLabels([label('Edge', 60, 20)], OPTIONS, existing))).toEqual(['Edge']);
  });
});

describe('placeLabels: across the internal grid (128 px cells)', () => {
  it('finds overlaps between labels in neighbouring cells', () => {
    // A "Aaaa" at (120, 120): box [97, 112, 143, 128] spans cells 0 and 1 both ways.
    // B "Bbbb" at (160, 130): box [137, 122, 183, 138], all in cell (1, 1), overlaps A.
    expect(namesOf(placeLabels([label('Aaaa', 120, 120, 2), label('Bbbb', 160, 130, 1)], OPTIONS))).toEqual(['Aaaa']);
    // The same with B straddling the row boundary from below.
    expect(namesOf(placeLabels([label('Aaaa', 300, 120, 2), label('Bbbb', 300, 134, 1)], OPTIONS))).toEqual(['Aaaa']);
  });

  it('places exactly what a plain pairwise check would, on many random labels', () => {
    type Box = [number, number, number, number];
    // A small linear congruential generator, so the test is the same every run.
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const candidates = Array.from({ length: 400 }, (_, i) =>
      label(`L${i}${'x'.repeat(Math.floor(random() * 12))}`, random() * 900 - 50, random() * 700 - 50, Math.floor(random() * 5)),
    );
    // The reference: the same greedy rule with every pair checked directly.
    const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
    const expected: string[] = [];
    const boxes: Box[] = [];
    for (const c of ordered) {
      const hw = (10 * c.name.length) / 2 + 3;
      const box: Box = [c.position[0] - hw, c.position[1] - 8, c.position[0] + hw, c.position[1] + 8];
      if (box[0] < 0 || box[1] < 0 || box[2] > 800 || box[3] > 600) continue;
      if (boxes.some((o) => box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3])) continue;
      boxes.push(box);
      expected.push(c.name);
    }
    const result = placeLabels(candidates, OPTIONS);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(candidates.length);
    expect(namesOf(result)).toEqual(expected);
    expect(result.boxes).toEqual(boxes);
  });
});
