import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { request } from '../../api/client';
import { DeleteProjectMutation } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { GraphQLRequestError } from '#shared/transport';

/** A delete button that asks first, in a modal dialog. */
export function DeleteProject({ id, name }: { id: string; name: string }) {
  const { route } = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<GraphQLRequestError>();
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    try {
      await request(DeleteProjectMutation, { id });
      dialog.current?.close();
      route('/projects');
    } catch (caught) {
      setError(caught as GraphQLRequestError);
      setDeleting(false);
    }
  };

  return (
    <>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>
        Delete project
      </button>
      <dialog ref={dialog} class="dialog" aria-labelledby="delete-project-title" aria-describedby="delete-project-text">
        <h2 id="delete-project-title">Delete {name}?</h2>
        <p id="delete-project-text">Its schedule and webhooks go with it. The runs it made stay readable among your batches.</p>
        <ErrorNotice error={error} context="Could not delete the project" />
        <div class="actions">
          <button type="button" class="primary danger" disabled={deleting} onClick={confirm}>
            {deleting ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
