/** Notices about links that could not be followed, files that failed to load, and the like. */
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';

const MESSAGES = {
  region: { id: 'notices.region', defaultMessage: 'Notices' },
  dismiss: { id: 'notices.dismiss', defaultMessage: 'Dismiss notice' },
  close: { id: 'notices.close', defaultMessage: '×' },
};

export function Notices() {
  const f = useFormats();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="region" aria-label={f.t(MESSAGES.region)}>
      <div role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice--${notice.tone}`} data-testid="notice">
            <p>{f.t(notice.msg, notice.values)}</p>
            <button type="button" className="icon-button" onClick={() => dismiss(notice.id)} aria-label={f.t(MESSAGES.dismiss)}>
              {f.t(MESSAGES.close)}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
