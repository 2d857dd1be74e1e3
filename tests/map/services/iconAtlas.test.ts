/**
 * The map's service icons: one atlas image with a place for every type, and
 * each symbol painted from the same path data, colour and outline as the
 * sidebar's SVG symbol, scaled so the symbol's whole view fills its place.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../../../src/config/catalogue/services.ts';
import { SERVICE_TYPE_IDS } from '../../../src/config/serviceTypes.ts';
import { atlasLayout, ICON_PIXELS, paintAtlas, RING, type AtlasContext } from '../../../src/map/services/iconAtlas.ts';
import { SHAPE_PATHS, SYMBOL_OUTLINE } from '../../../src/map/services/symbolShapes.ts';
import { ServiceSymbol } from '../../../src/ui/services/ServiceSymbol.tsx';

describe('atlasLayout', () => {
  const layout = atlasLayout();

  it('has a place for every type and the ring, inside the image, none overlapping, anchored at its centre', () => {
    expect(Object.keys(layout.mapping).sort()).toEqual([...SERVICE_TYPE_IDS, RING].sort());
    const places = Object.values(layout.mapping);
    for (const place of places) {
      expect(place.x).toBeGreaterThanOrEqual(0);
      expect(place.y).toBeGreaterThanOrEqual(0);
      expect(place.x + place.width).toBeLessThanOrEqual(layout.width);
      expect(place.y + place.height).toBeLessThanOrEqual(layout.height);
      expect([place.width, place.height]).toEqual([ICON_PIXELS, ICON_PIXELS]);
      expect([place.anchorX, place.anchorY]).toEqual([ICON_PIXELS / 2, ICON_PIXELS / 2]);
      expect(place.mask).toBe(false);
    }
    for (const a of places)
      for (const b of places) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
  });
});

/** A canvas context that records what is painted, and where (the current transform applied to points). */
function recordingContext() {
  type Matrix = [number, number, number, number]; // x' = a·x + c, y' = b·y + d (no rotation or skew here)
  let matrix: Matrix = [1, 1, 0, 0];
  const stack: Matrix[] = [];
  const painted: { op: 'fill' | 'stroke'; d: string; style: string; width: number; join: string; at: (x: number, y: number) => [number, number] }[] = [];
  const context = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    save: () => stack.push([...matrix] as Matrix),
    restore: () => (matrix = stack.pop()!),
    translate: (x: number, y: number) => (matrix = [matrix[0], matrix[1], matrix[2] + matrix[0] * x, matrix[3] + matrix[1] * y]),
    scale: (x: number, y: number) => (matrix = [matrix[0] * x, matrix[1] * y, matrix[2], matrix[3]]),
    fill(path: Path2D) {
      const m = [...matrix];
      painted.push({ op: 'fill', d: (path as unknown as { d: string }).d, style: String(this.fillStyle), width: 0, join: this.lineJoin, at: (x, y) => [m[0] * x + m[2], m[1] * y + m[3]] });
    },
    stroke(path: Path2D) {
      const m = [...matrix];
      painted.push({ op: 'stroke', d: (path as unknown as { d: string }).d, style: String(this.strokeStyle), width: this.lineWidth * m[0], join: this.lineJoin, at: (x, y) => [m[0] * x + m[2], m[1] * y + m[3]] });
    },
  };
  return { context: context as unknown as AtlasContext, painted };
}

describe('paintAtlas', () => {
  it('paints each type’s shape in its place: halo, fill in its colour, dark edge', () => {
    const layout = atlasLayout();
    const { context, painted } = recordingContext();
    paintAtlas(context, layout, (d) => ({ d }) as unknown as Path2D);
    expect(painted).toHaveLength(SERVICE_TYPES.length * 3 + 2);
    SERVICE_TYPES.forEach((type, k) => {
      const [halo, fill, edge] = painted.slice(3 * k, 3 * k + 3);
      for (const step of [halo, fill, edge]) expect(step.d).toBe(SHAPE_PATHS[type.shape]);
      expect([halo.op, halo.style, halo.join]).toEqual(['stroke', SYMBOL_OUTLINE.halo, 'round']);
      expect([fill.op, fill.style]).toEqual(['fill', type.colour]);
      expect([edge.op, edge.style]).toEqual(['stroke', SYMBOL_OUTLINE.edge]);
      expect(halo.width).toBeGreaterThan(edge.width);
      // The symbol's view (-1 … 25, as the SVG's viewBox) fills the place exactly.
      const place = layout.mapping[type.id];
      expect(fill.at(-1, -1)).toEqual([place.x, place.y]);
      const [x, y] = fill.at(25, 25);
      expect(x).toBeCloseTo(place.x + place.width, 9);
      expect(y).toBeCloseTo(place.y + place.height, 9);
    });
    // The ring: a circle in its own place, dark on a wider white halo.
    const [halo, edge] = painted.slice(-2);
    expect([halo.op, halo.style, edge.op, edge.style]).toEqual(['stroke', SYMBOL_OUTLINE.halo, 'stroke', SYMBOL_OUTLINE.edge]);
    expect(halo.width).toBeGreaterThan(edge.width);
    expect(edge.at(-1, -1)).toEqual([layout.mapping[RING].x, 0]);
  });
});

describe('shapes', () => {
  it('differ for every type, so types stay apart in greyscale', () => {
    expect(new Set(SERVICE_TYPES.map((type) => type.shape)).size).toBe(SERVICE_TYPES.length);
    expect(new Set(SERVICE_TYPES.map((type) => SHAPE_PATHS[type.shape])).size).toBe(SERVICE_TYPES.length);
  });

  it('are the same path in the sidebar’s SVG symbol, with the same view', () => {
    for (const type of SERVICE_TYPES) {
      const svg = renderToStaticMarkup(createElement(ServiceSymbol, { type: type.id, size: 20 }));
      expect(svg).toContain(`d="${SHAPE_PATHS[type.shape]}"`);
      expect(svg).toContain(`fill="${type.colour}"`);
      expect(svg).toContain('viewBox="-1 -1 26 26"');
      expect(svg).toContain('aria-hidden="true"');
    }
  });
});
