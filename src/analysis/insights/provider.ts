import type { ComparedTarget, ComparisonCore } from '../compare';

export type InsightSeverity = 'INFO' | 'OPPORTUNITY' | 'CRITICAL';

export interface Insight {
  title: string;
  body: string;
  severity: InsightSeverity;
  /** "rules", or the name of the language model that wrote it. */
  source: string;
}

export interface InsightInput {
  comparison: ComparisonCore;
  /** The targets the comparison was made from, for their URLs and check messages. */
  targets: readonly ComparedTarget[];
}

export interface InsightProvider {
  readonly name: string;
  write(input: InsightInput): Promise<Insight[]>;
}
