/** The head of a references dialog: its title (naming the dialog for assistive technology) and a Close button. */
export function DialogHead({ id, title, onClose }: { id: string; title: string; onClose(): void }) {
  return (
    <header className="dialog-head">
      <h2 id={id} className="dialog-title">
        {title}
      </h2>
      <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </header>
  );
}
