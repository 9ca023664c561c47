import { builder } from './builder';

export const BatchStatus = builder.enumType('BatchStatus', {
  values: ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const,
});
export const TargetStatus = builder.enumType('TargetStatus', {
  values: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const,
});
export const CheckCategory = builder.enumType('CheckCategory', { values: ['SEO', 'AEO', 'TECHNICAL'] as const });
export const CheckOutcome = builder.enumType('CheckOutcome', {
  values: ['PASS', 'WARN', 'FAIL', 'NOT_APPLICABLE'] as const,
});
export const InsightSeverity = builder.enumType('InsightSeverity', {
  values: ['INFO', 'OPPORTUNITY', 'CRITICAL'] as const,
});
