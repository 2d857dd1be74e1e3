import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { loadConfig } from './config/appConfig.ts';
import { useAppStore } from './state/store.ts';
import { startUrlSync } from './state/urlSync.ts';
import { linkedLayers } from './state/url.ts';
import './ui/styles.css';

const CONFIG_PROBLEM = { id: 'config.problem', defaultMessage: '{problem}' };

// The URL is read before anything renders, so the first frame already shows the linked view
// (a link to a layer of a later theme loads its entry first, while the configuration loads).
performance.mark('atlas:start');
const urlRead = linkedLayers(window.location.search).then(() => startUrlSync(useAppStore));

Promise.all([loadConfig(), urlRead]).then(([{ config, problems }]) => {
  for (const problem of problems) useAppStore.getState().notify({ msg: CONFIG_PROBLEM, values: { problem } }, 'warning');
  createRoot(document.getElementById('root')!).render(
    <I18nProvider>
      <App config={config} />
    </I18nProvider>,
  );
});
