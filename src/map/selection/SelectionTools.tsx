/**
 * The live selection tools, loaded on first use of the toolbar.
 *
 * Lasso: drag (mouse, touch or pen) a freehand outline over the map; on
 * release every LSOA whose population-weighted centroid lies inside it is
 * selected, replacing the selection (with Shift held, added to it). The map
 * does not pan while the lasso is out: a layer over the map takes the
 * pointer. Escape cancels.
 *
 * Within N km: click the map (or use its centre, from the keyboard) and
 * pick a distance; every LSOA whose centroid is within that great-circle
 * distance is selected, named "Within 1 km of …" (editable in the panel).
 * The circle stays drawn while the tool is open.
 *
 * Both draw in an SVG layer over the map, re-projected as the map moves.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Msg } from '../../config/catalogue/types.ts';
import type { DataClient } from '../../data/client.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAppStore } from '../../state/store.ts';
import { applySetSelection } from './applySelection.ts';
import { circleRing, pointsInRing, pointsWithinKm } from './geometry.ts';
import type { SelectionToolId } from './toolState.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const MESSAGES = {
  lassoHint: m('selection.lasso.hint', 'Draw around the LSOAs to select.'),
  lassoKeys: m('selection.lasso.keys', 'Hold Shift to add them to the selection; Esc cancels.'),
  lassoEmpty: m('selection.lasso.empty', 'No LSOA has its centre inside that outline: draw around more of the map.'),
  lassoLoading: m('selection.lasso.loading', 'Loading the LSOA centres…'),
  cancel: m('selection.tool.cancel', 'Cancel'),
  close: m('selection.tool.close', 'Close'),
  radiusTitle: m('selection.radius.title', 'Within'),
  radiusGroup: m('selection.radius.group', 'Select the LSOAs within a distance of a point'),
  radiusOption: m('selection.radius.option', '{km, number} km'),
  radiusHint: m('selection.radius.hint', 'Click the map to choose the centre.'),
  radiusCentre: m('selection.radius.centre', 'Use the map centre'),
  radiusResult: m('selection.radius.result', '{count, plural, =0 {No LSOA has its centre} one {# LSOA has its centre} other {# LSOAs have their centre}} within {km, number} km.'),
  radiusName: m('selection.radius.name', 'Within {km, number} km of {lat}, {lng}'),
  loadFailed: m('selection.tool.loadFailed', 'The LSOA centres could not be loaded, so the selection tools cannot work: {error}'),
} satisfies Record<string, Msg>;

/** The distances offered, km. */
export const RADII_KM = [0.5, 1, 2, 5] as const;

interface LsoaPoints {
  points: Float64Array;
  codes: string[];
}

/** The LSOAs' population-weighted centroids and their codes, loaded once. */
function useLsoaPoints(client: DataClient): LsoaPoints | null {
  const [data, setData] = useState<LsoaPoints | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([client.lsoaPoints(), client.areas('lsoa')]).then(
      ([points, areas]) => {
        if (points.length !== areas.codes.length * 2) throw new Error(`${points.length / 2} points for ${areas.codes.length} LSOAs`);
        if (current) setData({ points, codes: areas.codes });
      },
    ).catch((error: Error) => useAppStore.getState().notify({ msg: MESSAGES.loadFailed, values: { error: error.message } }, 'error'));
    return () => {
      current = false;
    };
  }, [client]);
  return data;
}

/** Re-renders whenever the map moves, so that drawn shapes follow it. */
function useMapMoves(map: MapLibreMap): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const onMove = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    map.on('move', onMove);
    map.on('resize', onMove);
    return () => {
      cancelAnimationFrame(frame);
      map.off('move', onMove);
      map.off('resize', onMove);
    };
  }, [map]);
}

/** Escape, pressed on the map or its tools (not in a field elsewhere on the page). */
function useEscape(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Element | null;
      if (target && target !== document.body && !target.closest('.map')) return;
      event.preventDefault();
      ref.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** An SVG path through screen points (flattened), closed or not. */
function pathOf(points: readonly number[], closed: boolean): string {
  if (points.length < 2) return '';
  let d = `M${points[0].toFixed(1)},${points[1].toFixed(1)}`;
  for (let i = 2; i + 1 < points.length; i += 2) d += `L${points[i].toFixed(1)},${points[i + 1].toFixed(1)}`;
  return closed ? `${d}Z` : d;
}

/** Pointer events give client coordinates; the map's are relative to its container. */
function mapPoint(element: Element, event: { clientX: number; clientY: number }): [number, number] {
  const rect = element.getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}

/** The screen outline (flattened [x, y]) as [lng, lat] vertices (flattened), with the map's projection. */
export function unprojectRing(map: Pick<MapLibreMap, 'unproject'>, screen: readonly number[]): number[] {
  const ring: number[] = [];
  for (let i = 0; i + 1 < screen.length; i += 2) {
    const { lng, lat } = map.unproject([screen[i], screen[i + 1]]);
    ring.push(lng, lat);
  }
  return ring;
}

function LassoTool({ map, client, onClose }: { map: MapLibreMap; client: DataClient; onClose(): void }) {
  const f = useFormats();
  const data = useLsoaPoints(client);
  const [path, setPath] = useState<number[]>([]);
  const [empty, setEmpty] = useState(false);
  const drawing = useRef<{ pointer: number; points: number[] } | null>(null);
  const pending = useRef<{ ring: number[]; add: boolean } | null>(null);

  // The map keeps still while the lasso is out (the capture layer takes the pointer; these stop the rest).
  useEffect(() => {
    const handlers = [map.dragPan, map.boxZoom, map.doubleClickZoom, map.touchZoomRotate];
    const were = handlers.map((handler) => handler.isEnabled());
    handlers.forEach((handler) => handler.disable());
    return () => handlers.forEach((handler, i) => were[i] && handler.enable());
  }, [map]);

  const select = useCallback(
    (ring: number[], add: boolean) => {
      if (!data) {
        pending.current = { ring, add };
        return;
      }
      const indices = pointsInRing(data.points, ring);
      const count = applySetSelection(
        indices.map((i) => data.codes[i]),
        { add },
      );
      if (count > 0) onClose();
      else {
        setPath([]);
        setEmpty(indices.length === 0);
      }
    },
    [data, onClose],
  );
  // A lasso drawn before the points arrived is selected once they have.
  useEffect(() => {
    if (data && pending.current) {
      const { ring, add } = pending.current;
      pending.current = null;
      select(ring, add);
    }
  }, [data, select]);

  useEscape(() => {
    if (drawing.current) {
      drawing.current = null;
      setPath([]);
    } else onClose();
  });

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (drawing.current) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = { pointer: event.pointerId, points: mapPoint(event.currentTarget, event) };
    setEmpty(false);
    setPath(drawing.current.points);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drawing.current;
    if (!current || current.pointer !== event.pointerId) return;
    const [x, y] = mapPoint(event.currentTarget, event);
    const n = current.points.length;
    // Points closer than a pixel add nothing to the outline.
    if (Math.hypot(x - current.points[n - 2], y - current.points[n - 1]) < 1) return;
    current.points = [...current.points, x, y];
    setPath(current.points);
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drawing.current;
    if (!current || current.pointer !== event.pointerId) return;
    drawing.current = null;
    const [x, y] = mapPoint(event.currentTarget, event);
    const n = current.points.length;
    const points = x === current.points[n - 2] && y === current.points[n - 1] ? current.points : [...current.points, x, y];
    setPath(points);
    if (points.length < 6) {
      setPath([]);
      return;
    }
    select(unprojectRing(map, points), event.shiftKey);
  };
  const onPointerCancel = () => {
    drawing.current = null;
    setPath([]);
  };

  const hint = empty ? MESSAGES.lassoEmpty : MESSAGES.lassoHint;
  return (
    <>
      <div
        className="selection-capture selection-capture--lasso"
        data-testid="lasso-surface"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <svg className="selection-drawing" aria-hidden="true">
          {path.length >= 4 && <path className="selection-drawing__lasso" d={pathOf(path, !drawing.current)} fillRule="evenodd" />}
        </svg>
      </div>
      <div className="selection-panel" role="group" aria-label={f.t(MESSAGES.lassoHint)}>
        <p className="selection-panel__hint" role="status">
          {f.t(hint)}
          {!empty && <span className="selection-panel__keys"> {f.t(MESSAGES.lassoKeys)}</span>}
          {!data && ` ${f.t(MESSAGES.lassoLoading)}`}
        </p>
        <button type="button" className="button button--quiet selection-panel__close" onClick={onClose}>
          {f.t(MESSAGES.cancel)}
        </button>
      </div>
    </>
  );
}

function RadiusTool({ map, client, onClose }: { map: MapLibreMap; client: DataClient; onClose(): void }) {
  const f = useFormats();
  const data = useLsoaPoints(client);
  const [km, setKm] = useState<number>(1);
  const [centre, setCentre] = useState<[number, number] | null>(null);
  const [found, setFound] = useState<number | null>(null);
  useMapMoves(map);
  useEscape(onClose);

  // A click on the map chooses the centre (MapView does not select the area under it while a tool is in use).
  // Enter on the focused map takes its centre, as the keyboard's way to choose a point.
  useEffect(() => {
    const onClick = (event: MapMouseEvent) => setCentre([event.lngLat.lng, event.lngLat.lat]);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      const { lng, lat } = map.getCenter();
      setCentre([lng, lat]);
    };
    const container = map.getContainer();
    const canvas = map.getCanvas();
    map.on('click', onClick);
    canvas.addEventListener('keydown', onKey);
    container.classList.add('selection-radius-active');
    return () => {
      map.off('click', onClick);
      canvas.removeEventListener('keydown', onKey);
      container.classList.remove('selection-radius-active');
    };
  }, [map]);

  useEffect(() => {
    if (!centre || !data) return;
    const [lng, lat] = centre;
    const indices = pointsWithinKm(data.points, lng, lat, km);
    setFound(indices.length);
    const coordinate = (value: number) => f.decimal(value, 4);
    const name = f.t(MESSAGES.radiusName, { km, lat: coordinate(lat), lng: coordinate(lng) });
    applySetSelection(
      indices.map((i) => data.codes[i]),
      { name },
    );
  }, [centre, km, data, f]);

  let circle = '';
  let dot: { x: number; y: number } | null = null;
  if (centre) {
    const ring = circleRing(centre[0], centre[1], km);
    const screen: number[] = [];
    for (let i = 0; i < ring.length; i += 2) {
      const { x, y } = map.project([ring[i], ring[i + 1]]);
      screen.push(x, y);
    }
    circle = pathOf(screen, true);
    dot = map.project(centre);
  }

  return (
    <>
      <svg className="selection-drawing selection-drawing--passive" aria-hidden="true">
        {circle && <path className="selection-drawing__circle" d={circle} />}
        {dot && <circle className="selection-drawing__centre" cx={dot.x} cy={dot.y} r={4} />}
      </svg>
      <div className="selection-panel" role="group" aria-label={f.t(MESSAGES.radiusGroup)}>
        <fieldset className="selection-panel__radii">
          <legend>{f.t(MESSAGES.radiusTitle)}</legend>
          {RADII_KM.map((value) => (
            <label key={value} className="selection-panel__radius">
              <input type="radio" name="selection-radius" value={value} checked={km === value} onChange={() => setKm(value)} />
              <span>{f.t(MESSAGES.radiusOption, { km: value })}</span>
            </label>
          ))}
        </fieldset>
        <p className="selection-panel__hint" role="status">
          {centre && found !== null ? f.t(MESSAGES.radiusResult, { count: found, km }) : f.t(MESSAGES.radiusHint)}
          {!data && ` ${f.t(MESSAGES.lassoLoading)}`}
        </p>
        <div className="selection-panel__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              const { lng, lat } = map.getCenter();
              setCentre([lng, lat]);
            }}
          >
            {f.t(MESSAGES.radiusCentre)}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {f.t(MESSAGES.close)}
          </button>
        </div>
      </div>
    </>
  );
}

export default function SelectionTools({ tool, map, client, onClose }: { tool: SelectionToolId; map: MapLibreMap; client: DataClient; onClose(): void }) {
  return tool === 'lasso' ? <LassoTool map={map} client={client} onClose={onClose} /> : <RadiusTool map={map} client={client} onClose={onClose} />;
}
