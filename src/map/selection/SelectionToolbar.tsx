/**
 * The live selection toolbar on the map: a lasso and "within N km of here".
 * The map loads these two buttons after its first view (MapView.tsx); the
 * tools themselves (drawing, the LSOA points, the geometry) load on first use.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Msg } from '../../config/catalogue/types.ts';
import type { DataClient } from '../../data/client.ts';
import { dataPaths, type Manifest } from '../../data/schema.ts';
import { useFormats } from '../../i18n/useText.ts';
import { setActiveSelectionTool, type SelectionToolId } from './toolState.ts';
import './selection.css';

const SelectionTools = lazy(() => import('./SelectionTools.tsx'));

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  group: m('selection.toolbar', 'Select LSOAs'),
  lasso: m('selection.toolbar.lasso', 'Lasso: draw around LSOAs to select them'),
  radius: m('selection.toolbar.radius', 'Select the LSOAs within a distance of a point'),
} satisfies Record<string, Msg>;

const TOOLS: { id: SelectionToolId; label: Msg; icon: React.ReactNode }[] = [
  {
    id: 'lasso',
    label: MESSAGES.lasso,
    icon: (
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M4 10c0-3.3 3.6-6 8-6s8 2.7 8 6-3.6 6-8 6c-1.4 0-2.7-.3-3.8-.7M6.5 14.5c-1.5 1-1.8 2.8-.6 3.9 1 .9 2.6.8 3.4-.3.6-.8.4-2-.5-2.6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    ),
  },
  {
    id: 'radius',
    label: MESSAGES.radius,
    icon: (
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2.2" />
        <circle cx="12" cy="12" r="2.2" fill="currentColor" />
      </svg>
    ),
  },
];

/** The toolbar; none when the build has no LSOA points (the pipeline was not given the centroids). */
export function SelectionToolbar({ map, client, manifest }: { map: MapLibreMap | null; client: DataClient; manifest: Pick<Manifest, 'files'> }) {
  const f = useFormats();
  const available = Boolean(manifest.files?.[dataPaths.lsoaPoints]);
  const [tool, setTool] = useState<SelectionToolId | null>(null);
  const buttons = useRef<Partial<Record<SelectionToolId, HTMLButtonElement | null>>>({});

  useEffect(() => {
    setActiveSelectionTool(tool);
    return () => setActiveSelectionTool(null);
  }, [tool]);

  // Closing a tool gives the keyboard focus back to its button.
  const close = useCallback(() => {
    setTool((current) => {
      if (current) requestAnimationFrame(() => buttons.current[current]?.focus());
      return null;
    });
  }, []);

  if (!available) return null;
  return (
    <div className="selection-tools">
      <div className="selection-toolbar" role="group" aria-label={f.t(MESSAGES.group)}>
        {TOOLS.map(({ id, label, icon }) => (
          <button
            key={id}
            ref={(button) => {
              buttons.current[id] = button;
            }}
            type="button"
            className="selection-toolbar__button"
            aria-pressed={tool === id}
            aria-label={f.t(label)}
            title={f.t(label)}
            data-tool={id}
            disabled={!map}
            onClick={() => setTool(tool === id ? null : id)}
          >
            {icon}
          </button>
        ))}
      </div>
      {map && tool && (
        <Suspense fallback={null}>
          <SelectionTools key={tool} tool={tool} map={map} client={client} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
