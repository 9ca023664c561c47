import type { CheckOutcome } from '../gql/graphql';

export const outcomeWords: Record<CheckOutcome, string> = { PASS: 'Pass', WARN: 'Warning', FAIL: 'Fail', NOT_APPLICABLE: 'Not applicable' };

/** Shapes as well as colours, so the outcome reads without colour vision. */
export const outcomeSymbols: Record<CheckOutcome, string> = { PASS: '✓', WARN: '!', FAIL: '✗', NOT_APPLICABLE: '–' };
