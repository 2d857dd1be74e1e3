declare module 'lineclip' {
  type Point = number[];
  type BBox = [number, number, number, number];
  /** Sutherland–Hodgman clipping of a polygon ring to a box. */
  export function clipPolygon(points: Point[], bbox: BBox): Point[];
  export function clipPolyline(points: Point[], bbox: BBox, result?: Point[][]): Point[][];
}
