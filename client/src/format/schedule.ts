import cronstrue from 'cronstrue';

/**
 * "At 06:00, only on Monday (Europe/Berlin)". cronstrue reads the cron; five fields are counted
 * first because it also reads the six- and seven-field forms the server refuses.
 */
export function describeSchedule(cron: string, timezone: string): { text: string; valid: boolean } {
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    return { text: 'Give five fields: minute, hour, day of month, month, day of week (e.g. "0 6 * * 1").', valid: false };
  }
  try {
    const words = cronstrue.toString(fields.join(' '), { use24HourTimeFormat: true, throwExceptionOnParseError: true });
    return { text: `${words} (${timezone.trim() || 'UTC'})`, valid: true };
  } catch (error) {
    return { text: String(error).replace(/^Error: /, ''), valid: false };
  }
}
