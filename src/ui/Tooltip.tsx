/** The hover card: which area is under the pointer and its class. */
import { indicatorById } from '../config/indicators.ts';
import { LEVEL_LABELS, type Level } from '../config/geography.ts';
import { MEASURE_INFO } from '../config/measures.ts';
import { DECILE_COLOURS, toCss } from '../config/palette.ts';
import { areaName } from '../data/areas.ts';
import type { DataClient } from '../data/client.ts';
import { useAppStore } from '../state/store.ts';
import { useAsync } from './useAsync.ts';

export interface HoverState {
  code: string;
  x: number;
  y: number;
}

interface Props {
  client: DataClient;
  hover: HoverState;
  level: Level;
  classes: Uint8Array;
  indexOf: Map<string, number>;
}

export function Tooltip({ client, hover, level, classes, indexOf }: Props) {
  const indicator = useAppStore((s) => s.indicator);
  const measure = useAppStore((s) => s.measure);
  const index = indexOf.get(hover.code);
  const name = useAsync(() => (index === undefined ? undefined : areaName(client, level, index)), [client, level, index]);
  if (index === undefined) return null;
  const decile = classes[index];
  const what =
    level === 'lsoa'
      ? `${indicatorById(indicator).short} decile ${decile}`
      : `${indicatorById(indicator).short} ${MEASURE_INFO[measure].short.toLowerCase()}: decile ${decile} of ${LEVEL_LABELS[level].plural}`;
  return (
    <div className="tooltip" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }} aria-hidden="true">
      <div className="tooltip__name">{name.value ?? hover.code}</div>
      <div className="tooltip__value">
        <span className="swatch" style={{ background: toCss(DECILE_COLOURS[decile - 1]) }} />
        {what}
        {decile === 1 && ' (most deprived 10%)'}
      </div>
      <div className="tooltip__hint">Click for details</div>
    </div>
  );
}
