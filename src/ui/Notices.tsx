/** Notices about links that could not be followed, files that failed to load, and the like. */
import { useAppStore } from '../state/store.ts';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="region" aria-label="Notices">
      <div role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice--${notice.tone}`} data-testid="notice">
            <p>{notice.text}</p>
            <button type="button" className="icon-button" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
