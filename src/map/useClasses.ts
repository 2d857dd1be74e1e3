/**
 * The colours of the current view: the decile of every area of the level for
 * the indicator (and, for wards and authorities, the summary measure). The
 * previous classes stay on screen until the new ones have arrived.
 */
import { useEffect, useState } from 'react';
import type { IndicatorId } from '../config/indicators.ts';
import type { Level } from '../config/geography.ts';
import type { Measure } from '../config/measures.ts';
import type { DataClient } from '../data/client.ts';
import { useAppStore } from '../state/store.ts';

export interface ClassState {
  level: Level;
  /** "lsoa:imd:decile", "ward:health:extent": changes whenever the colours do. */
  version: string;
  classes: Uint8Array;
  indexOf: Map<string, number>;
}

export const classVersion = (level: Level, indicator: IndicatorId, measure: Measure) =>
  `${level}:${indicator}:${level === 'lsoa' ? 'decile' : measure}`;

export function useClasses(client: DataClient, level: Level, indicator: IndicatorId, measure: Measure): ClassState | null {
  const [state, setState] = useState<ClassState | null>(null);
  useEffect(() => {
    let current = true;
    const version = classVersion(level, indicator, measure);
    Promise.all([client.areas(level), client.classes(level, indicator, measure)]).then(
      ([areas, classes]) => {
        performance.mark(`atlas:classes:${version}`);
        if (current) setState({ level, version, classes, indexOf: areas.indexOf });
      },
      (error: Error) => useAppStore.getState().notify(`The map colours could not be loaded: ${error.message}`, 'error'),
    );
    return () => {
      current = false;
    };
  }, [client, level, indicator, measure]);
  return state;
}
