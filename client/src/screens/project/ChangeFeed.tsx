import { formatDateTime, enumWords } from '../../format/format';

/** One detected change, as `Project.changes` gives it. */
interface FeedChange {
  id: string;
  at: string;
  kind: string;
  message: string;
  isSubject: boolean;
  brand: { name: string };
  /** A Batch or a VisibilityAudit links to its screen; an ExpiredRun's batch is gone. */
  run: { __typename?: string; id: string };
}

// Words and shapes as well as colours, so a change reads without colour vision.
const kindSymbols: Record<string, string> = {
  CHECK_FIXED: '✓',
  CHECK_BROKEN: '✗',
  SCORE_UP: '▲',
  SCORE_DOWN: '▼',
  MENTION_GAINED: '+',
  MENTION_LOST: '−',
  RANK_CHANGED: '⇅',
};
const good = new Set(['CHECK_FIXED', 'SCORE_UP', 'MENTION_GAINED']);
const bad = new Set(['CHECK_BROKEN', 'SCORE_DOWN', 'MENTION_LOST']);

/** What changed between runs, newest first, each linked to the run that found it. */
export function ChangeFeed({ changes }: { changes: readonly FeedChange[] }) {
  if (changes.length === 0) return <p class="empty">No changes yet: they are found when a run finishes and a run before it can be compared.</p>;
  return (
    <ol class="change-feed" aria-label="Changes, newest first">
      {changes.map((change) => {
        const tone = good.has(change.kind) ? 'good' : bad.has(change.kind) ? 'bad' : 'neutral';
        return (
          <li key={change.id} class={`change change-${tone}`} data-kind={change.kind}>
            <span class="change-symbol" aria-hidden="true">
              {kindSymbols[change.kind] ?? '•'}
            </span>
            <div class="change-body">
              <p class="change-message">{change.message}</p>
              <p class="change-meta">
                <span class="change-kind">{enumWords(change.kind)}</span>
                {' · '}
                {change.brand.name}
                {change.isSubject && <span class="tag">your brand</span>}
                {' · '}
                <time dateTime={change.at}>{formatDateTime(change.at)}</time>
                {change.run.__typename === 'Batch' && (
                  <>
                    {' · '}
                    <a href={`/batches/${encodeURIComponent(change.run.id)}`}>View run</a>
                  </>
                )}
                {change.run.__typename === 'VisibilityAudit' && (
                  <>
                    {' · '}
                    <a href={`/visibility/${encodeURIComponent(change.run.id)}`}>View audit</a>
                  </>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
