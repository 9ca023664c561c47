import { Field } from './Field';
import type { BrandDraft } from './projectDraft';

interface Props {
  /** `brand` or `competitors[i]`: the server's name for this brand in its errors. */
  path: string;
  legend: string;
  brand: BrandDraft;
  errors: ReadonlyMap<string, string>;
  onChange(brand: BrandDraft): void;
  onRemove?: () => void;
}

/** Name, aliases and domains of one brand; lists are typed with commas between entries. */
export function BrandFields({ path, legend, brand, errors, onChange, onRemove }: Props) {
  const set = (key: 'name' | 'aliases' | 'domains') => (value: string) => onChange({ ...brand, [key]: value });
  return (
    <fieldset class="brand-fields" data-brand={path}>
      <legend>{legend}</legend>
      <div class="brand-grid">
        <Field control={`${path}.name`} label="Name" value={brand.name} error={errors.get(`${path}.name`)} onInput={set('name')} />
        <Field
          control={`${path}.domains`}
          label="Domains"
          hint="Comma-separated; the first is audited"
          value={brand.domains}
          error={errors.get(`${path}.domains`)}
          onInput={set('domains')}
        />
        <Field
          control={`${path}.aliases`}
          label="Aliases"
          hint="Other names, comma-separated"
          value={brand.aliases}
          error={errors.get(`${path}.aliases`)}
          onInput={set('aliases')}
        />
      </div>
      {onRemove && (
        <button type="button" class="remove-brand" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}
