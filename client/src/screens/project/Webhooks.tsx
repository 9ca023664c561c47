import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { CreateWebhookMutation, DeleteWebhookMutation, PingWebhookMutation } from '../../api/projectOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { WebhookEvent, WebhookFieldsFragment } from '../../gql/graphql';
import { formatDateTime, enumWords } from '../../format/format';
import type { GraphQLRequestError } from '#shared/transport';

const eventNames: readonly WebhookEvent[] = ['RUN_COMPLETED', 'RUN_FAILED', 'CHANGE_DETECTED'];
/** The project's webhooks with their last deliveries; a new one's secret is shown once, to copy. */
export function Webhooks({ projectId, webhooks, onChanged }: { projectId: string; webhooks: readonly WebhookFieldsFragment[]; onChanged(): void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...eventNames]);
  const [secret, setSecret] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GraphQLRequestError>();

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (caught) {
      setError(caught as GraphQLRequestError);
    } finally {
      setBusy(false);
    }
  };

  const create = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const { createWebhook } = await request(CreateWebhookMutation, { projectId, url: url.trim(), events });
      setSecret(createWebhook.secret);
      setCopied(false);
      setUrl('');
    });
  };

  const copy = async () => {
    await navigator.clipboard.writeText(secret ?? '');
    setCopied(true);
  };

  return (
    <div class="webhooks">
      {webhooks.length === 0 && <p class="empty">No webhooks yet.</p>}
      <ul class="webhook-list" aria-label="Webhooks">
        {webhooks.map((hook) => (
          <li key={hook.id} class="webhook" data-webhook-id={hook.id}>
            <div class="webhook-head">
              <code class="webhook-url">{hook.url}</code>
              <span class="webhook-events">{hook.events.map(enumWords).join(', ')}</span>
              <span class="webhook-actions">
                <button type="button" disabled={busy} onClick={() => act(() => request(PingWebhookMutation, { id: hook.id }).then(() => {}))}>
                  Send test
                </button>
                <button type="button" class="danger" disabled={busy} onClick={() => act(() => request(DeleteWebhookMutation, { id: hook.id }).then(() => {}))} aria-label={`Delete webhook ${hook.url}`}>
                  Delete
                </button>
              </span>
            </div>
            {hook.deliveries.length === 0 ? (
              <p class="empty">No deliveries yet.</p>
            ) : (
              <ul class="deliveries" aria-label={`Last deliveries to ${hook.url}`}>
                {hook.deliveries.map((delivery) => (
                  <li key={delivery.id} data-delivered={delivery.deliveredAt ? 'yes' : 'no'}>
                    <span aria-hidden="true">{delivery.deliveredAt ? '✓' : '✗'}</span> {enumWords(delivery.event)} ·{' '}
                    {delivery.status === null ? 'no answer' : `HTTP ${delivery.status}`} · {delivery.attempts}{' '}
                    {delivery.attempts === 1 ? 'attempt' : 'attempts'} · <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
                    {delivery.error && <span class="delivery-error"> · {delivery.error}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {secret && (
        <div class="notice secret" role="status">
          <p>
            Signing secret of the new webhook. It is shown only now: keep it where the receiver can check <code>Vantage-Signature</code>.
          </p>
          <code class="secret-value" data-testid="webhook-secret">
            {secret}
          </code>
          <div class="actions">
            <button type="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy secret'}
            </button>
            <button type="button" onClick={() => setSecret(undefined)}>
              Done
            </button>
          </div>
        </div>
      )}
      <form class="webhook-form" onSubmit={create}>
        <div class="field">
          <label for="webhook-url">Webhook URL</label>
          <input id="webhook-url" type="url" value={url} placeholder="https://example.com/hooks/vantage" onInput={(event) => setUrl(event.currentTarget.value)} />
        </div>
        <fieldset>
          <legend>Events</legend>
          <div class="run-kinds">
            {eventNames.map((name) => (
              <label class="check" key={name}>
                <input
                  type="checkbox"
                  checked={events.includes(name)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setEvents((current) => (on ? [...current, name] : current.filter((each) => each !== name)));
                  }}
                />
                {enumWords(name)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy}>
            Add webhook
          </button>
        </div>
      </form>
      <ErrorNotice error={error} context="Webhook" />
    </div>
  );
}
