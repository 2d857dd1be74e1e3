/**
 * The geometry of each service shape, as SVG path data in a 24×24 box, so
 * the sidebar's inline SVG (src/ui/services/ServiceSymbol.tsx) and the map's
 * icon atlas (iconAtlas.ts, Path2D of the same string) draw the very same
 * symbol. The shapes have about the same inked area, so none looks more
 * important than another, and stay apart in greyscale by outline alone.
 */
import type { ServiceShape } from '../../config/catalogue/services.ts';

export const SYMBOL_BOX = 24;
/** The drawn square: the box and a margin of 1 for the outline, so a symbol of size s is these 26 units scaled to s. */
export const SYMBOL_VIEW = { origin: -1, size: SYMBOL_BOX + 2 } as const;

export const SHAPE_PATHS: Record<ServiceShape, string> = {
  circle: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0Z',
  square: 'M4.5 4.5H19.5V19.5H4.5Z',
  triangle: 'M12 2.5L22 20.5H2Z',
  diamond: 'M12 1.5L22.5 12L12 22.5L1.5 12Z',
  cross: 'M8.5 2.5H15.5V8.5H21.5V15.5H15.5V21.5H8.5V15.5H2.5V8.5H8.5Z',
};

/**
 * The outline that keeps a symbol readable on light and dark ground alike:
 * a white halo under a thin dark edge, round-joined so corners do not spike.
 */
export const SYMBOL_OUTLINE = {
  halo: '#ffffff',
  haloWidth: 3.5,
  edge: '#1a1a1a',
  edgeWidth: 1.25,
} as const;
