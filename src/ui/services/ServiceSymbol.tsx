/**
 * A service type's symbol (shape and colour, src/config/catalogue/services.ts)
 * as a small inline SVG: in the services legend and toggles, the near-me
 * list and anywhere a type is named. Decorative (aria-hidden): the type's
 * name is always written next to it. The map's icons are drawn from the same
 * path data (src/map/services/symbolShapes.ts).
 */
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import { serviceType } from '../../config/catalogue/services.ts';
import { SHAPE_PATHS, SYMBOL_OUTLINE, SYMBOL_VIEW } from '../../map/services/symbolShapes.ts';

export function ServiceSymbol({ type, size = 16, className }: { type: ServiceTypeId; size?: number; className?: string }) {
  const { shape, colour } = serviceType(type);
  const d = SHAPE_PATHS[shape];
  return (
    <svg
      className={className ? `service-symbol ${className}` : 'service-symbol'}
      width={size}
      height={size}
      viewBox={`${SYMBOL_VIEW.origin} ${SYMBOL_VIEW.origin} ${SYMBOL_VIEW.size} ${SYMBOL_VIEW.size}`}
      aria-hidden="true"
      focusable="false"
      data-service-type={type}
      data-shape={shape}
    >
      <path d={d} fill="none" stroke={SYMBOL_OUTLINE.halo} strokeWidth={SYMBOL_OUTLINE.haloWidth} strokeLinejoin="round" />
      <path d={d} fill={colour} stroke={SYMBOL_OUTLINE.edge} strokeWidth={SYMBOL_OUTLINE.edgeWidth} strokeLinejoin="round" />
    </svg>
  );
}

export default ServiceSymbol;
