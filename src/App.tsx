/**
 * The page: header (title, search, views), the sidebar (what to show and the
 * legend, or the table), the map, and the selected area's panel.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { AppConfig } from './config/appConfig.ts';
import { layerById, measureOf } from './config/catalogue/index.ts';
import { createDataClient, type DataClient } from './data/client.ts';
import { DATA_FORMAT_VERSION, dataPaths, type Manifest } from './data/schema.ts';
import { createTileStore, type TileStore } from './map/tileStore.ts';
import { MapView } from './map/MapView.tsx';
import { useAppStore } from './state/store.ts';
import type { Problem, View } from './state/url.ts';
import { useFormats } from './i18n/useText.ts';
import { Controls } from './ui/Controls.tsx';
import { Legend } from './ui/Legend.tsx';
import { Notices } from './ui/Notices.tsx';
import { SearchBox } from './ui/SearchBox.tsx';
import { residentPanel } from './ui/residents/panelCode.ts';
import { useFirstMapDrawn } from './map/status.ts';

interface Ready {
  client: DataClient;
  tiles: TileStore;
  manifest: Manifest;
}

// Not needed for the first map: loaded when first shown, to keep the first load small.
const AreaPanel = lazy(() => import('./ui/AreaPanel.tsx').then((m) => ({ default: m.AreaPanel })));
const DataTable = lazy(() => import('./ui/DataTable.tsx').then((m) => ({ default: m.DataTable })));
const AboutPage = lazy(() => import('./ui/AboutPage.tsx').then((m) => ({ default: m.AboutPage })));
// Residents: services near a place, and the service types to show (after the first map).
// What was selected, for screen readers (its live region is here from the start), and the check that a linked area exists: after the first map.
const Announcer = lazy(() => import('./ui/Announcer.tsx'));
const ServicesControl = lazy(() => import('./ui/services/ServicesControl.tsx'));

const VIEW_LABELS: Record<View, React.ReactNode> = {
  map: <FormattedMessage id="view.map" defaultMessage="Map" />,
  table: <FormattedMessage id="view.table" defaultMessage="Table" />,
  about: (
    <>
      <FormattedMessage id="view.about" defaultMessage="About" />
      <span className="wide-only">
        <FormattedMessage id="view.about.more" defaultMessage=" the data" />
      </span>
    </>
  ),
};

const MESSAGES = {
  formatMismatch: { id: 'boot.format', defaultMessage: 'The data was built for format {built}; this app reads format {reads}. Run npm run data again.' },
  notBuilt: { id: 'boot.notBuilt', defaultMessage: '{error}. Has the data been built (npm run data)?' },
};

function useBoot(config: AppConfig): { ready?: Ready; error?: Problem } {
  const client = useMemo(() => createDataClient(config.dataUrl), [config]);
  const [state, setState] = useState<{ ready?: Ready; error?: Problem }>({});
  useEffect(() => {
    // Start on the first view's colours at once; the map picks up the same (cached) requests.
    const { layer, level, measure } = useAppStore.getState();
    const entry = layerById(layer);
    const measureSpec = entry && measureOf(entry, level, measure);
    client.areas(level).catch(() => {});
    // A computed layer's colours are worked out once the manifest is in.
    if (measureSpec && !entry.computed) client.classes(dataPaths.classes(layer, level, measureSpec.id)).catch(() => {});
    client.manifest().then(
      (manifest) => {
        performance.mark('atlas:manifest');
        if (manifest.formatVersion !== DATA_FORMAT_VERSION) {
          setState({ error: { msg: MESSAGES.formatMismatch, values: { built: manifest.formatVersion, reads: DATA_FORMAT_VERSION } } });
          return;
        }
        const tiles = createTileStore((level) => new URL(client.url(dataPaths.tiles(level)), window.location.href).href);
        setState({ ready: { client, tiles, manifest } });
      },
      (error: Error) => setState({ error: { msg: MESSAGES.notBuilt, values: { error: error.message } } }),
    );
  }, [client]);
  return state;
}

export function App({ config }: { config: AppConfig }) {
  const { ready, error } = useBoot(config);
  const f = useFormats();
  const view = useAppStore((s) => s.view);
  const selection = useAppStore((s) => s.selection);
  const place = useAppStore((s) => s.place);
  const firstDrawn = useFirstMapDrawn();
  const setView = useAppStore((s) => s.setView);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Lazily loaded, or at once if the search loaded it while a postcode was typed (panelCode.ts).
  const ResidentPanel = place ? residentPanel() : null;

  const goToTable = (event: React.MouseEvent) => {
    event.preventDefault();
    setView('table');
    requestAnimationFrame(() => document.getElementById('table-title')?.focus());
  };

  return (
    <div className="app" data-view={view} data-panel={selection || place ? 'open' : 'closed'} data-settings={settingsOpen ? 'open' : 'closed'}>
      <a href="#table-title" className="skip-link" onClick={goToTable}>
        <FormattedMessage id="app.skipToTable" defaultMessage="Skip to the data table" />
      </a>
      <header className="app-header">
        <div className="brand">
          <h1 className="brand__title">
            <FormattedMessage id="app.title" defaultMessage="Cohesion Atlas" />
          </h1>
          <p className="brand__subtitle">
            <FormattedMessage id="app.subtitle" defaultMessage="Deprivation and cohesion across England" />
          </p>
        </div>
        {ready && <SearchBox client={ready.client} />}
        <nav className="views" aria-label={f.t({ id: 'app.views', defaultMessage: 'Views' })}>
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
            <h2>
              <FormattedMessage id="app.cannotStart" defaultMessage="The map cannot start" />
            </h2>
            <p>{f.t(error.msg, error.values)}</p>
          </div>
        )}
        {ready && (
          <>
            <div className="sidebar" id="sidebar">
              <button type="button" className="sidebar__toggle only-narrow" aria-expanded={settingsOpen} aria-controls="sidebar-content" onClick={() => setSettingsOpen(!settingsOpen)}>
                {settingsOpen ? (
                  <FormattedMessage id="app.hideSettings" defaultMessage="Hide map settings" />
                ) : (
                  <FormattedMessage id="app.showSettings" defaultMessage="Map settings and legend" />
                )}
              </button>
              <div id="sidebar-content" className="sidebar__content">
                <Controls manifest={ready.manifest} />
                {view === 'table' ? (
                  <Suspense
                    fallback={
                      <p aria-busy="true">
                        <FormattedMessage id="app.loadingTable" defaultMessage="Loading the table…" />
                      </p>
                    }
                  >
                    <DataTable client={ready.client} manifest={ready.manifest} />
                  </Suspense>
                ) : (
                  <>
                    <Legend client={ready.client} manifest={ready.manifest} />
                    {/* Below the legend, which is the key to the map. */}
                    {firstDrawn && (
                      <Suspense fallback={null}>
                        <ServicesControl client={ready.client} manifest={ready.manifest} />
                      </Suspense>
                    )}
                  </>
                )}
              </div>
            </div>
            <MapView client={ready.client} tiles={ready.tiles} manifest={ready.manifest} config={config} />
            <div className="visually-hidden" role="status" aria-live="polite">
              {firstDrawn && (
                <Suspense fallback={null}>
                  <Announcer client={ready.client} manifest={ready.manifest} />
                </Suspense>
              )}
            </div>
            <Suspense fallback={null}>
              {view !== 'about' && ResidentPanel && <ResidentPanel client={ready.client} manifest={ready.manifest} />}
              {view !== 'about' && !place && selection && <AreaPanel client={ready.client} manifest={ready.manifest} />}
              {view === 'about' && <AboutPage client={ready.client} manifest={ready.manifest} />}
            </Suspense>
          </>
        )}
        {!ready && !error && (
          <p className="loading" aria-busy="true">
            <FormattedMessage id="app.loading" defaultMessage="Loading…" />
          </p>
        )}
      </main>
      <Notices />
    </div>
  );
}
