/** The notices of the store, each with a button that dismisses it (shown inside Notices.tsx's live region). */
import { useFormats } from '../i18n/useText.ts';
import { useAppStore } from '../state/store.ts';

const MESSAGES = {
  dismiss: { id: 'notices.dismiss', defaultMessage: 'Dismiss notice' },
  close: { id: 'notices.close', defaultMessage: '×' },
};

export default function NoticeList() {
  const f = useFormats();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return notices.map((notice) => (
    <div key={notice.id} className={`notice notice--${notice.tone}`} data-testid="notice">
      <p>{f.t(notice.msg, notice.values)}</p>
      <button type="button" className="icon-button" onClick={() => dismiss(notice.id)} aria-label={f.t(MESSAGES.dismiss)}>
        {f.t(MESSAGES.close)}
      </button>
    </div>
  ));
}
