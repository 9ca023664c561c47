export interface Row {
  key: number;
  url: string;
}

interface Props {
  row: Row;
  position: number;
  isSubject: boolean;
  error: string | undefined;
  canRemove: boolean;
  onChange(key: number, url: string): void;
  onPaste(key: number, lines: string[]): void;
  onMarkSubject(key: number): void;
  onRemove(key: number): void;
}

export function UrlRow({ row, position, isSubject, error, canRemove, onChange, onPaste, onMarkSubject, onRemove }: Props) {
  const inputId = `url-${row.key}`;
  const errorId = `url-error-${row.key}`;

  const paste = (event: ClipboardEvent) => {
    const lines = (event.clipboardData?.getData('text') ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length < 2) return;
    event.preventDefault();
    onPaste(row.key, lines);
  };

  return (
    <li class={`url-row${error ? ' has-error' : ''}`} data-row={position}>
      <label for={inputId} class="url-label">
        URL {position}
      </label>
      <input
        id={inputId}
        class="url-input"
        type="url"
        inputMode="url"
        autocomplete="url"
        spellcheck={false}
        placeholder="example.com or https://example.com/page"
        value={row.url}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={errorId}
        onInput={(event) => onChange(row.key, event.currentTarget.value)}
        onPaste={paste}
      />
      <label class="subject-choice">
        <input type="radio" name="subject" checked={isSubject} onChange={() => onMarkSubject(row.key)} />
        My site
      </label>
      <button type="button" class="icon-button" aria-label={`Remove URL ${position}`} disabled={!canRemove} onClick={() => onRemove(row.key)}>
        ×
      </button>
      <p class="url-error" id={errorId}>
        {error}
      </p>
    </li>
  );
}
