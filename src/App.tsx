/**
 * The page: header (title, search, views), the sidebar (what to show and the
 * legend, or the table), the map, and the selected area's panel.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AppConfig } from './config/appConfig.ts';
import { createDataClient, type DataClient } from './data/client.ts';
import { describeArea } from './data/areas.ts';
import { DATA_FORMAT_VERSION, dataPaths, type Manifest } from './data/schema.ts';
import { createTileStore, type TileStore } from './map/tileStore.ts';
import { MapView } from './map/MapView.tsx';
import { useAppStore } from './state/store.ts';
import type { View } from './state/url.ts';
import { Announcer } from './ui/Announcer.tsx';
import { Controls } from './ui/Controls.tsx';
import { Legend } from './ui/Legend.tsx';
import { Notices } from './ui/Notices.tsx';
import { Search } from './ui/Search.tsx';

interface Ready {
  client: DataClient;
  tiles: TileStore;
  manifest: Manifest;
}

// Not needed for the first map: loaded when first shown, to keep the first load small.
const AreaPanel = lazy(() => import('./ui/AreaPanel.tsx').then((m) => ({ default: m.AreaPanel })));
const DataTable = lazy(() => import('./ui/DataTable.tsx').then((m) => ({ default: m.DataTable })));
const AboutPage = lazy(() => import('./ui/AboutPage.tsx').then((m) => ({ default: m.AboutPage })));

const VIEW_LABELS: Record<View, React.ReactNode> = {
  map: 'Map',
  table: 'Table',
  about: (
    <>
      About<span className="wide-only"> the data</span>
    </>
  ),
};

function useBoot(config: AppConfig): { ready?: Ready; error?: string } {
  const client = useMemo(() => createDataClient(config.dataUrl), [config]);
  const [state, setState] = useState<{ ready?: Ready; error?: string }>({});
  useEffect(() => {
    // Start on the first view's colours at once; the map picks up the same (cached) requests.
    const { level, indicator, measure } = useAppStore.getState();
    client.areas(level).catch(() => {});
    client.classes(level, indicator, measure).catch(() => {});
    client.manifest().then(
      (manifest) => {
        performance.mark('atlas:manifest');
        if (manifest.formatVersion !== DATA_FORMAT_VERSION) {
          setState({ error: `The data was built for format ${manifest.formatVersion}; this app reads format ${DATA_FORMAT_VERSION}. Run npm run data again.` });
          return;
        }
        const tiles = createTileStore((level) => new URL(client.url(dataPaths.tiles(level)), window.location.href).href);
        setState({ ready: { client, tiles, manifest } });
      },
      (error: Error) => setState({ error: `${error.message}. Has the data been built (npm run data)?` }),
    );
  }, [client]);
  return state;
}

/** Clears a selection that the data does not know (a mistyped or out-of-date code in a link). */
function useSelectionCheck(client: DataClient | undefined, manifest: Manifest | undefined) {
  const selection = useAppStore((s) => s.selection);
  useEffect(() => {
    if (!client || !manifest || !selection) return;
    let current = true;
    describeArea(client, selection).then(
      (area) => {
        if (current && !area && useAppStore.getState().selection === selection) {
          useAppStore
            .getState()
            .notify(`${selection} is not an LSOA 2021, ward ${manifest.vintages.ward} or authority ${manifest.vintages.lad} code in this data, so nothing is selected.`, 'warning');
          useAppStore.getState().select(null);
        }
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [client, manifest, selection]);
}

export function App({ config }: { config: AppConfig }) {
  const { ready, error } = useBoot(config);
  const view = useAppStore((s) => s.view);
  const selection = useAppStore((s) => s.selection);
  const setView = useAppStore((s) => s.setView);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useSelectionCheck(ready?.client, ready?.manifest);

  const goToTable = (event: React.MouseEvent) => {
    event.preventDefault();
    setView('table');
    requestAnimationFrame(() => document.getElementById('table-title')?.focus());
  };

  return (
    <div className="app" data-view={view} data-panel={selection ? 'open' : 'closed'} data-settings={settingsOpen ? 'open' : 'closed'}>
      <a href="#table-title" className="skip-link" onClick={goToTable}>
        Skip to the data table
      </a>
      <header className="app-header">
        <div className="brand">
          <h1 className="brand__title">Cohesion Atlas</h1>
          <p className="brand__subtitle">English Indices of Deprivation 2025</p>
        </div>
        {ready && <Search client={ready.client} />}
        <nav className="views" aria-label="Views">
          {(Object.keys(VIEW_LABELS) as View[]).map((v) => (
            <button key={v} type="button" className="views__button" aria-pressed={view === v} onClick={() => setView(v)}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </nav>
      </header>
      <main className="app-main">
        {error && (
          <div className="fatal" role="alert">
            <h2>The map cannot start</h2>
            <p>{error}</p>
          </div>
        )}
        {ready && (
          <>
            <div className="sidebar" id="sidebar">
              <button type="button" className="sidebar__toggle only-narrow" aria-expanded={settingsOpen} aria-controls="sidebar-content" onClick={() => setSettingsOpen(!settingsOpen)}>
                {settingsOpen ? 'Hide map settings' : 'Map settings and legend'}
              </button>
              <div id="sidebar-content" className="sidebar__content">
                <Controls />
                {view === 'table' ? (
                  <Suspense fallback={<p aria-busy="true">Loading the table…</p>}>
                    <DataTable client={ready.client} manifest={ready.manifest} />
                  </Suspense>
                ) : (
                  <Legend manifest={ready.manifest} />
                )}
              </div>
            </div>
            <MapView client={ready.client} tiles={ready.tiles} manifest={ready.manifest} config={config} />
            <Announcer client={ready.client} />
            <Suspense fallback={null}>
              {view !== 'about' && selection && <AreaPanel client={ready.client} manifest={ready.manifest} />}
              {view === 'about' && <AboutPage client={ready.client} manifest={ready.manifest} />}
            </Suspense>
          </>
        )}
        {!ready && !error && (
          <p className="loading" aria-busy="true">
            Loading…
          </p>
        )}
      </main>
      <Notices />
    </div>
  );
}
