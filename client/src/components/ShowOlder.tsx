interface Props {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  loading: boolean;
  /** What the button shows more of, e.g. "batches". */
  noun: string;
  onMore(after: string | null): void;
}

/** The button under a list that loads its next page, while there is one. */
export function ShowOlder({ pageInfo, loading, noun, onMore }: Props) {
  return (
    <div class="actions">
      {pageInfo?.hasNextPage && (
        <button type="button" disabled={loading} onClick={() => onMore(pageInfo.endCursor ?? null)}>
          {loading ? 'Loading…' : `Show older ${noun}`}
        </button>
      )}
    </div>
  );
}
