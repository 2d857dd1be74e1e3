import { describe, expect, it } from 'vitest';
import type { AuthorityNamesFile } from '../../../src/data/namesSchema.ts';
import { NEIGHBOURHOOD_LABEL_SIZE, neighbourhoodLabels, placeNeighbourhoodLabels } from '../../../src/map/names/NeighbourhoodLabels.tsx';
import type { PlaceLabel } from '../../../src/map/layers.ts';
import { WARD_LABEL_SIZE } from '../../../src/map/useLabels.ts';

// A 400 × 300 screen where a degree is 1,000 pixels (east) and −1,000 pixels (north), from (−2, 53.5).
const screen = { project: ([lng, lat]: [number, number]): [number, number] => [(lng + 2) * 1000, (53.5 - lat) * 1000], width: 400, height: 300, padding: 6 };
const width = (text: string, size: number) => text.length * size * 0.6;
const at = (x: number, y: number): [number, number] => [x / 1000 - 2, 53.5 - y / 1000];
const label = (name: string, x: number, y: number, priority = 1): PlaceLabel => ({ name, position: at(x, y), priority });

/** The screen box of a placed label, as the placement measures it. */
function box(placed: PlaceLabel, size: number): [number, number, number, number] {
  const [x, y] = screen.project(placed.position);
  const half = width(placed.name, size) / 2 + screen.padding;
  return [x - half, y - size / 2 - screen.padding, x + half, y + size / 2 + screen.padding];
}
const overlap = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('placeNeighbourhoodLabels', () => {
  const wards = [label('Nechells', 200, 100, 30), label('Ladywood', 100, 200, 25)];
  const neighbourhoods = [
    label('Ladywood - Summer Hill', 110, 205, 9), // on top of the ward name "Ladywood"
    label('Digbeth', 300, 250, 8),
    label('Nechells', 250, 60, 9), // the ward's name again, elsewhere on screen
    label('Central', 300, 150, 7),
    label('Off Screen', 900, 150, 9),
  ];
  const placed = placeNeighbourhoodLabels(screen, wards, neighbourhoods, width);

  it('keeps the neighbourhood names clear of the ward names, placed first, and of each other', () => {
    expect(placed.map((l) => l.name)).toEqual(['Digbeth', 'Central']);
    for (const neighbourhood of placed) {
      for (const ward of wards) expect(overlap(box(neighbourhood, NEIGHBOURHOOD_LABEL_SIZE), box(ward, WARD_LABEL_SIZE))).toBe(false);
    }
  });

  it('drops a neighbourhood named as a ward on screen, and places it where no ward has its name', () => {
    expect(placed.map((l) => l.name)).not.toContain('Nechells');
    expect(placeNeighbourhoodLabels(screen, [label('Aston', 50, 50)], [label('Nechells', 250, 60)], width).map((l) => l.name)).toEqual(['Nechells']);
  });
});

describe('neighbourhoodLabels', () => {
  it("makes a label of each MSOA of an authority's file at its label point, the more populous first", () => {
    const file = {
      lad: 'E08000025',
      msoa: { codes: ['E02001874', 'E02001875'], names: ['Washwood Heath', 'Saltley East'], lsoas: [[], []], bounds: [], label: [-1.83, 52.5, -1.85, 52.48], population: [9123, 12600] },
      places: { lng: [], lat: [] },
      elsewhere: { lsoas: [], lads: [] },
    } satisfies AuthorityNamesFile;
    expect(neighbourhoodLabels(file)).toEqual([
      { name: 'Washwood Heath', position: [-1.83, 52.5], priority: 9 },
      { name: 'Saltley East', position: [-1.85, 52.48], priority: 13 },
    ]);
    expect(neighbourhoodLabels({ ...file, msoa: { ...file.msoa, label: [] } })).toEqual([]);
  });
});
