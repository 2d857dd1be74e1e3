/**
 * The current view spec, for components: resolved once per change of layer,
 * level, measure or release (every component gets the same object), and any
 * fallback it had to make shown once as a notice.
 */
import { useEffect, useMemo } from 'react';
import type { Manifest } from '../data/schema.ts';
import { useAppStore } from './store.ts';
import { notifyProblems } from './notifyProblems.ts';
import { resolveView, type ViewSpec } from './viewSpec.ts';

let cache: { key: string; manifest: Pick<Manifest, 'layers'>; result: ReturnType<typeof resolveView> } | null = null;

function resolveCached(layer: string, level: string, measure: string | null, release: string | null, groups: string | null, manifest: Pick<Manifest, 'layers'>) {
  const key = `${layer}|${level}|${measure}|${release}|${groups}`;
  if (!cache || cache.key !== key || cache.manifest !== manifest) {
    cache = { key, manifest, result: resolveView({ layer, level: level as ViewSpec['level'], measure, release, groups }, manifest) };
  }
  return cache.result;
}

export function useViewSpec(manifest: Pick<Manifest, 'layers'>): ViewSpec {
  const layer = useAppStore((s) => s.layer);
  const level = useAppStore((s) => s.level);
  const measure = useAppStore((s) => s.measure);
  const release = useAppStore((s) => s.release);
  const groups = useAppStore((s) => s.groups);
  const result = useMemo(() => resolveCached(layer, level, measure, release, groups, manifest), [layer, level, measure, release, groups, manifest]);
  useEffect(() => {
    notifyProblems(result.problems);
  }, [result]);
  return result.spec;
}
