// The bar over the editor while a terminal command waits for a file: what is
// waiting, Done (save and continue) and Cancel. kubectl edit re-opens the file
// with its errors on top when the change was refused: the bar says so.

import { useStore } from 'zustand';
import { useFiles, useServices } from '../hooks';
import { displayName } from '../stores/files-store';

export function EditBar() {
  const services = useServices();
  const session = useStore(services.edits.store, (s) => s.session);
  const selected = useFiles((s) => s.selected);
  if (!session) return null;
  const again = session.round > 1 && !session.answered;
  return (
    <div className={`edit-bar${again ? ' edit-bar-again' : ''}`} role="status" data-testid="edit-bar" data-path={session.path}>
      <span className="edit-bar-text">
        {session.answered ? (
          <>
            <strong>{session.program}</strong> is reading {displayName(session.path)}…
          </>
        ) : again ? (
          <>
            <strong>{session.program}</strong> could not use your change and opened the file again (the reason is at the top). Fix it, or Cancel.
          </>
        ) : (
          <>
            <strong>{session.program}</strong> is waiting for this file
          </>
        )}
      </span>
      <span className="spacer" />
      {selected !== session.path && (
        <button type="button" className="btn" onClick={() => services.selectFile(session.path, true)}>
          Show {displayName(session.path)}
        </button>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={session.answered}
        onClick={() => void services.edits.done()}
        title="Save the file and let the command go on"
        data-testid="edit-done"
      >
        Done (save and continue)
      </button>
      <button type="button" className="btn" disabled={session.answered} onClick={() => void services.edits.cancel()} title="Leave the file as it was" data-testid="edit-cancel">
        Cancel
      </button>
    </div>
  );
}
