import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadConfig } from './config/appConfig.ts';
import { useAppStore } from './state/store.ts';
import { startUrlSync } from './state/urlSync.ts';
import './ui/styles.css';

// The URL is read before anything renders, so the first frame already shows the linked view.
performance.mark('atlas:start');
startUrlSync(useAppStore);

loadConfig().then(({ config, problems }) => {
  for (const problem of problems) useAppStore.getState().notify(problem, 'warning');
  createRoot(document.getElementById('root')!).render(<App config={config} />);
});
