import { compareTargets, type InsightInput } from '../../src/comparison';
import { analysed, failed, scores } from './fixtures';
import type { PageReport } from '../../src/analysis';

function input(targets: InsightInput['targets']): InsightInput {
  return { comparison: compareTargets(targets), targets };
}

/** A subject behind on six checks, ahead on two, in a field of three competitors and one failure. */
export function subjectBehind(): InsightInput {
  return input([
    analysed(
      'mine',
      scores(35, 40, 20, 70),
      {
        'document-title': 'FAIL',
        'meta-description': 'FAIL',
        'llms-txt': 'FAIL',
        'faq-schema': 'WARN',
        https: 'PASS',
        'image-alt': 'FAIL',
        citations: 'FAIL',
        compression: 'PASS',
      },
      true,
    ),
    analysed('rival-one', scores(85, 90, 80, 85), {
      'document-title': 'PASS',
      'meta-description': 'PASS',
      'llms-txt': 'PASS',
      'faq-schema': 'PASS',
      https: 'PASS',
      'image-alt': 'PASS',
      citations: 'PASS',
      compression: 'FAIL',
    }),
    analysed('rival-two', scores(60, 65, 55, 60), {
      'document-title': 'PASS',
      'meta-description': 'FAIL',
      'llms-txt': 'PASS',
      'faq-schema': 'NOT_APPLICABLE',
      https: 'PASS',
      'image-alt': 'WARN',
      citations: 'FAIL',
      compression: 'WARN',
    }),
    analysed('rival-three', scores(60, 50, 70, 60), {
      'document-title': 'WARN',
      'meta-description': 'PASS',
      'llms-txt': 'NOT_APPLICABLE',
      'faq-schema': 'FAIL',
      https: 'PASS',
      'image-alt': 'FAIL',
      citations: 'FAIL',
      compression: 'PASS',
    }),
    failed('rival-four', 'The server did not answer within 10 s.'),
  ]);
}

/** The same field without a subject. */
export function fieldOnly(): InsightInput {
  const { targets } = subjectBehind();
  return input(targets.map((target) => ({ ...target, isSubject: false })));
}

/** The subject itself could not be analysed. */
export function subjectFailed(): InsightInput {
  const { targets } = subjectBehind();
  return input(targets.map((target) => (target.isSubject ? { ...target, report: null, error: 'Not an HTML page.' } : target)));
}

/** Every target but one competitor failed. */
export function allButOneFailed(): InsightInput {
  const { targets } = subjectBehind();
  return input(
    targets.map((target) =>
      target.targetId === 'rival-two' ? target : { ...target, report: null, error: target.error ?? 'Connection reset.' },
    ),
  );
}

/** A subject ahead of both competitors in every category and on every check. */
export function subjectLeads(): InsightInput {
  return input([
    analysed('rival-one', scores(70, 70, 60, 90), { 'llms-txt': 'FAIL', https: 'PASS', citations: 'WARN' }),
    analysed('mine', scores(95, 92, 97, 96), { 'llms-txt': 'PASS', https: 'PASS', citations: 'PASS' }, true),
    analysed('rival-two', scores(50, 80, 30, 40), { 'llms-txt': 'FAIL', https: 'FAIL', citations: 'NOT_APPLICABLE' }),
  ]);
}

/** subjectBehind, with the targets named in `excluded` analysed but not indexable, for the reason given. */
export function withExcluded(excluded: Record<string, Pick<PageReport, 'excludedReason'> & Partial<PageReport>>): InsightInput {
  const { targets } = subjectBehind();
  return input(
    targets.map((target) => {
      const change = excluded[target.targetId];
      return change && target.report ? { ...target, report: { ...target.report, ...change, indexable: false } } : target;
    }),
  );
}
