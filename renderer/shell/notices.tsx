/** Errors and confirmations in the window itself, never only in the console. */
import { useNotices } from '../stores/notice-store';

export function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <div className="notice-text">
            <strong>{n.title}</strong>
            {n.detail ? <span> {n.detail}</span> : null}
            {n.items && n.items.length > 0 ? (
              <ul className="notice-items">
                {n.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </div>
          {n.action ? (
            <button
              type="button"
              className="button button-sm notice-action"
              onClick={() => {
                dismiss(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
              <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}
