/**
 * Notices about links that could not be followed, files that failed to load,
 * and the like. The region and its live region are in the page from the
 * start (so that a notice added later is read out); the notices themselves
 * (NoticeList.tsx) load with the first one, which a good link never has.
 */
import { lazy, Suspense } from 'react';
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';

const NoticeList = lazy(() => import('./NoticeList.tsx'));

export function Notices() {
  const f = useFormats();
  const any = useAppStore((s) => s.notices.length > 0);
  return (
    <div className="notices" role="region" aria-label={f.t({ id: 'notices.region', defaultMessage: 'Notices' })}>
      <div role="status" aria-live="polite">
        {any && (
          <Suspense fallback={null}>
            <NoticeList />
          </Suspense>
        )}
      </div>
    </div>
  );
}
