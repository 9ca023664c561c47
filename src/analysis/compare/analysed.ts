import type { PageReport } from '../types';
import type { ComparedTarget } from './types';

export type AnalysedTarget = ComparedTarget & { report: PageReport };

export function isAnalysed(target: ComparedTarget): target is AnalysedTarget {
  return target.report !== null;
}
