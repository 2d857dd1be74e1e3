/**
 * The map's service icons: one image (an icon atlas for deck.gl's IconLayer)
 * drawn at run time on a canvas from the very path data the sidebar's symbols
 * use (symbolShapes.ts), so map and legend cannot drift apart. Drawn large
 * (64 px a symbol) and scaled down by the GPU, so icons stay sharp on
 * high-density screens.
 */
import { SERVICE_TYPES, type ServiceType } from '../../config/catalogue/services.ts';
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import { SHAPE_PATHS, SYMBOL_OUTLINE, SYMBOL_VIEW } from './symbolShapes.ts';

export const ICON_PIXELS = 64;
/** Space between icons, so that sampling at small sizes never bleeds into a neighbour. */
const GAP = 2;

export interface IconPlace {
  x: number;
  y: number;
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  mask: false;
}

/** The ring drawn around the service whose details are open. */
export const RING = 'ring';
/** The ring's circle in the symbol's view (a symbol fits inside it at 0.6 of the ring's size). */
const RING_PATH = 'M1 12a11 11 0 1 0 22 0a11 11 0 1 0 -22 0Z';

export interface AtlasLayout {
  width: number;
  height: number;
  mapping: Record<ServiceTypeId | typeof RING, IconPlace>;
}

/** The icons side by side in one row, then the ring, each anchored at its centre (the service's point). */
export function atlasLayout(types: readonly ServiceType[] = SERVICE_TYPES, size = ICON_PIXELS): AtlasLayout {
  const mapping = {} as AtlasLayout['mapping'];
  const place = (k: number): IconPlace => ({ x: k * (size + GAP), y: 0, width: size, height: size, anchorX: size / 2, anchorY: size / 2, mask: false });
  types.forEach((type, k) => (mapping[type.id] = place(k)));
  mapping[RING] = place(types.length);
  return { width: (types.length + 1) * (size + GAP) - GAP, height: size, mapping };
}

/** The part of the canvas 2D context the atlas is drawn with. */
export type AtlasContext = Pick<CanvasRenderingContext2D, 'save' | 'restore' | 'translate' | 'scale' | 'fill' | 'stroke' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin'>;

/**
 * Draws each type's symbol in its place: the halo, then the fill with its
 * dark edge (as ServiceSymbol does); then the ring, a dark circle on a halo.
 */
export function paintAtlas(context: AtlasContext, layout: AtlasLayout, makePath: (d: string) => Path2D, types: readonly ServiceType[] = SERVICE_TYPES): void {
  const inView = (place: IconPlace, draw: () => void) => {
    const scale = place.width / SYMBOL_VIEW.size;
    context.save();
    context.translate(place.x, place.y);
    context.scale(scale, scale);
    context.translate(-SYMBOL_VIEW.origin, -SYMBOL_VIEW.origin);
    context.lineJoin = 'round';
    draw();
    context.restore();
  };
  for (const type of types) {
    const path = makePath(SHAPE_PATHS[type.shape]);
    inView(layout.mapping[type.id], () => {
      context.strokeStyle = SYMBOL_OUTLINE.halo;
      context.lineWidth = SYMBOL_OUTLINE.haloWidth;
      context.stroke(path);
      context.fillStyle = type.colour;
      context.fill(path);
      context.strokeStyle = SYMBOL_OUTLINE.edge;
      context.lineWidth = SYMBOL_OUTLINE.edgeWidth;
      context.stroke(path);
    });
  }
  const ring = makePath(RING_PATH);
  inView(layout.mapping[RING], () => {
    context.strokeStyle = SYMBOL_OUTLINE.halo;
    context.lineWidth = 4;
    context.stroke(ring);
    context.strokeStyle = SYMBOL_OUTLINE.edge;
    context.lineWidth = 2;
    context.stroke(ring);
  });
}

/** The atlas as an image URL for IconLayer's `iconAtlas`, with its mapping (browser only). */
export function drawIconAtlas(): { url: string; layout: AtlasLayout } {
  const layout = atlasLayout();
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas, so the service icons cannot be made.');
  paintAtlas(context, layout, (d) => new Path2D(d));
  return { url: canvas.toDataURL('image/png'), layout };
}
