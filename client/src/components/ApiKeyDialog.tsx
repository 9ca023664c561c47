import { useEffect, useRef, useState } from 'preact/hooks';
import { readApiKey, saveApiKey } from '../api/apiKey';
import { useKeyRequired } from '../api/hooks';

/**
 * Opens by itself when the server answers UNAUTHENTICATED, or from the header button. The
 * button shows only once a key matters: in local mode the server needs none.
 */
export function ApiKeyDialog() {
  const keyRequired = useKeyRequired();
  const [hasKey, setHasKey] = useState(() => readApiKey() !== null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (keyRequired) setOpen(true);
  }, [keyRequired]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft(readApiKey() ?? '');
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const submit = (event: Event) => {
    event.preventDefault();
    saveApiKey(draft);
    setHasKey(readApiKey() !== null);
    setOpen(false);
  };

  return (
    <>
      {(keyRequired || hasKey) && (
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
          API key
        </button>
      )}
      <dialog ref={dialog} class="dialog" aria-labelledby="api-key-title" onClose={() => setOpen(false)}>
        <form onSubmit={submit}>
          <h2 id="api-key-title">API key</h2>
          <p>
            {keyRequired
              ? 'This server needs an API key. It is kept in this browser only.'
              : 'The key is kept in this browser only. Leave it empty to remove it.'}
          </p>
          <label for="api-key-input">Key</label>
          <input
            id="api-key-input"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <div class="actions">
            <button type="submit" class="primary">Save key</button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
