export type Outcome = 'PASS' | 'WARN' | 'FAIL' | 'NOT_APPLICABLE';

export const outcomeWords: Record<Outcome, string> = { PASS: 'Pass', WARN: 'Warning', FAIL: 'Fail', NOT_APPLICABLE: 'Not applicable' };

/** Shapes as well as colours, so the outcome reads without colour vision. */
export const outcomeSymbols: Record<Outcome, string> = { PASS: '✓', WARN: '!', FAIL: '✗', NOT_APPLICABLE: '–' };
