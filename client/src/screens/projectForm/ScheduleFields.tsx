import type { RunKind } from '../../gql/graphql';
import { describeSchedule } from '../../format/schedule';
import { Field } from './Field';
import { controlId, type ProjectDraft } from './projectDraft';

const runKinds: { kind: RunKind; label: string }[] = [
  { kind: 'SITE_AUDIT', label: 'Site audit' },
  { kind: 'VISIBILITY_AUDIT', label: 'Visibility audit' },
];

// Every zone the browser knows, offered as suggestions; the server checks the name either way.
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

interface Props {
  draft: ProjectDraft;
  errors: ReadonlyMap<string, string>;
  onChange(changes: Partial<ProjectDraft>): void;
}

export function ScheduleFields({ draft, errors, onChange }: Props) {
  const preview = describeSchedule(draft.cron, draft.timezone);
  const runsId = controlId('schedule.runs');
  const toggleRun = (kind: RunKind, on: boolean) =>
    onChange({ runs: on ? [...draft.runs.filter((each) => each !== kind), kind] : draft.runs.filter((each) => each !== kind) });
  return (
    <fieldset class="schedule-fields">
      <legend>Schedule</legend>
      <label class="check">
        <input type="checkbox" checked={draft.scheduled} onChange={(event) => onChange({ scheduled: event.currentTarget.checked })} />
        Run on a schedule
      </label>
      {draft.scheduled && (
        <>
          <div class="schedule-grid">
            <Field
              control="schedule.cron"
              label="Cron"
              hint="minute hour day-of-month month day-of-week"
              value={draft.cron}
              error={errors.get('schedule.cron')}
              onInput={(cron) => onChange({ cron })}
            />
            <div class="field">
              <label for={controlId('schedule.timezone')}>Time zone</label>
              <input
                id={controlId('schedule.timezone')}
                list="time-zones"
                value={draft.timezone}
                aria-invalid={errors.has('schedule.timezone') ? 'true' : undefined}
                aria-describedby={`${controlId('schedule.timezone')}-error`}
                onInput={(event) => onChange({ timezone: event.currentTarget.value })}
              />
              <datalist id="time-zones">
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <p class="field-error" id={`${controlId('schedule.timezone')}-error`}>
                {errors.get('schedule.timezone')}
              </p>
            </div>
          </div>
          <p class={`schedule-preview${preview.valid ? '' : ' invalid'}`} aria-live="polite" data-testid="schedule-preview">
            {preview.text}
          </p>
          <div class="field" role="group" aria-labelledby={`${runsId}-label`} aria-describedby={`${runsId}-error`} id={runsId} tabIndex={-1}>
            <span id={`${runsId}-label`} class="group-label">
              Runs
            </span>
            <div class="run-kinds">
              {runKinds.map(({ kind, label }) => (
                <label class="check" key={kind}>
                  <input type="checkbox" checked={draft.runs.includes(kind)} onChange={(event) => toggleRun(kind, event.currentTarget.checked)} />
                  {label}
                </label>
              ))}
            </div>
            <p class="field-error" id={`${runsId}-error`}>
              {errors.get('schedule.runs')}
            </p>
          </div>
        </>
      )}
    </fieldset>
  );
}
