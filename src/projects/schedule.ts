import { CronExpressionParser } from 'cron-parser';
import { quoted, UserError } from '../errors';

export type RunKind = 'SITE_AUDIT' | 'VISIBILITY_AUDIT';

export interface ScheduleInput {
  cron: string;
  timezone?: string | null;
  runs: readonly RunKind[];
}

export interface ValidSchedule {
  cron: string;
  /** The IANA name as the runtime spells it (`europe/berlin` is `Europe/Berlin`). */
  timezone: string;
  runs: RunKind[];
}

const refuse = (field: string, message: string) => new UserError('BAD_USER_INPUT', message, { field });

/** The IANA zone `name` stands for, or null. Offsets such as +02:00 are not zones: they ignore daylight saving. */
function ianaZone(name: string): string | null {
  if (!/^[A-Za-z]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * The first moment after `after` that the cron names, read in the time zone. A cron the parser
 * refuses is BAD_USER_INPUT with the parser's reason; cron-parser also reads 4 or 6 fields and
 * `@daily`, which the contract's five-field form leaves out, so the fields are counted first.
 */
export function nextRunAfter(schedule: { cron: string; timezone: string }, after: Date, field = 'schedule.cron'): Date {
  const fields = schedule.cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw refuse(
      field,
      `The cron "${quoted(schedule.cron)}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; give five: minute, hour, day of month, month, day of week (e.g. "0 6 * * 1").`,
    );
  }
  try {
    return CronExpressionParser.parse(fields.join(' '), { tz: schedule.timezone, currentDate: after }).next().toDate();
  } catch (error) {
    throw refuse(field, `The cron "${quoted(schedule.cron)}" is not valid: ${(error as Error).message.replace(/\.$/, '')}.`);
  }
}

/** Checks a schedule before anything is written; `nextRunAt` is its first slot after `now`. */
export function validateSchedule(input: ScheduleInput, now: Date): ValidSchedule & { nextRunAt: Date } {
  const zoneName = (input.timezone ?? 'UTC').trim();
  const timezone = ianaZone(zoneName);
  if (!timezone) {
    throw refuse('schedule.timezone', `"${quoted(zoneName)}" is not an IANA time zone; give a name such as "Europe/Berlin" or "UTC".`);
  }
  if (input.runs.length === 0) throw refuse('schedule.runs', 'Say which runs the schedule starts: SITE_AUDIT, VISIBILITY_AUDIT or both.');
  if (new Set(input.runs).size !== input.runs.length) throw refuse('schedule.runs', 'Name each kind of run once.');
  const cron = input.cron.trim().split(/\s+/).join(' ');
  return { cron, timezone, runs: [...input.runs], nextRunAt: nextRunAfter({ cron: input.cron, timezone }, now) };
}
