// Scaffolding for issue 14: replaced by the overlay itself.
import type { OverlayProps } from '../overlays/types.ts';
export default function Overlay(_props: OverlayProps) {
  return null;
}
