import { formatGain, shortUrl } from '#shared/format';
import type { ReportComparison } from './report';

type Gap = ReportComparison['gaps'][number];

function GainBar({ gain, largest }: { gain: number; largest: number }) {
  // Scaled to the largest gain of the list, so the bars tell the gaps apart; the number says the points.
  const width = largest > 0 ? (100 * gain) / largest : 0;
  return (
    <span class="gain-track" aria-hidden="true">
      <span class="gain-fill" style={{ width: `${width}%` }} />
    </span>
  );
}

function FixItem({ gap, largest }: { gap: Gap; largest: number }) {
  return (
    <li class="fix" data-check-id={gap.checkId}>
      <div class="fix-head">
        <h3 class="fix-title">{gap.title}</h3>
        <span class="fix-gain">{formatGain(gap.estimatedGain)}</span>
      </div>
      <GainBar gain={gap.estimatedGain} largest={largest} />
      <dl class="fix-detail">
        <dt>Found</dt>
        <dd class="fix-found">{gap.message}</dd>
        <dt>How to fix</dt>
        <dd class="fix-how">{gap.howToFix}</dd>
        <dt>Already passing</dt>
        <dd class="fix-competitors">{gap.competitors.map((target) => shortUrl(target.url)).join(', ')}</dd>
      </dl>
    </li>
  );
}

/**
 * The subject's gaps as a to-do list: most points of overall score to gain first, each with what
 * was found, what to do and who already does it. The bars are the chart of gaps by gain; the
 * text beside each is its alternative.
 */
export function FixFirst({ gaps, subject }: Pick<ReportComparison, 'gaps' | 'subject'>) {
  const heading = subject ? `What to fix first on ${shortUrl(subject.target.url)}` : 'What to fix first';
  return (
    <section class="fix-first" aria-labelledby="fix-first-title">
      <h2 id="fix-first-title">{heading}</h2>
      <FixList gaps={gaps} subject={subject} />
    </section>
  );
}

function FixList({ gaps, subject }: Pick<ReportComparison, 'gaps' | 'subject'>) {
  if (!subject) return <p class="empty">Mark one URL as your site when you start an analysis to see what to fix first.</p>;
  // Its reason is in the Not ranked notice; without this, no gaps would read as a clean pass.
  if (subject.rank === null) return <p class="empty">Your site could not be analysed, so it has no gaps to list.</p>;
  if (gaps.length === 0) return <p class="empty">Your site passes every check that a competitor passes.</p>;
  const largest = Math.max(...gaps.map((gap) => gap.estimatedGain));
  return (
    <>
      <p class="fix-intro">
        Checks a competitor passes and your page does not, by the points of overall score (out of 100) that passing each would add.
      </p>
      <ol class="fix-list">
        {gaps.map((gap) => (
          <FixItem key={gap.checkId} gap={gap} largest={largest} />
        ))}
      </ol>
    </>
  );
}
