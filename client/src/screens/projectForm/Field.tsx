import { controlId } from './projectDraft';

interface Props {
  /** The server's name for what this control holds, e.g. `competitors[0].domains`. */
  control: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
  onInput(value: string): void;
}

/** A labelled input whose hint and server error are read out with it. */
export function Field({ control, label, value, error, hint, multiline = false, type = 'text', onInput }: Props) {
  const id = controlId(control);
  const described = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const shared = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea rows={5} spellcheck={false} {...shared} />
      ) : type === 'number' ? (
        <input type="number" min={1} {...shared} />
      ) : (
        <input type="text" {...shared} />
      )}
      <p class="field-error" id={`${id}-error`}>
        {error}
      </p>
    </div>
  );
}
