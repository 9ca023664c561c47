import { describe, expect, it } from 'vitest';
import { escapeHtml, PARTIAL_NOTE, reportHtml } from '../../shared/reportHtml';

describe('the printable report', () => {
  it('escapes the characters that could end text or an attribute value', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });

  it('puts hostile names, URLs, messages and insights in as text only', () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
    const site = (id: string, isSubject = false) => ({ id, url: `https://${id}.test/${encodeURI(hostile)}'x`, isSubject });
    const html = reportHtml(hostile, {
      createdAt: '2026-12-01T17:30:00.000Z',
      partial: true,
      ranking: [
        { rank: 1, overallScore: 80, seoScore: 70, aeoScore: 60, technicalScore: 90, target: site('rival') },
        { rank: 2, overallScore: 40, seoScore: 30, aeoScore: 20, technicalScore: 50, target: site('mine', true) },
      ],
      subject: { rank: 2, target: site('mine', true) },
      notAnalysed: [{ error: hostile, target: site('gone') }],
      checks: [{ checkId: hostile, category: 'AEO', passedBy: [site('rival')], failedBy: [site('mine')], warnedBy: [] }],
      gaps: [{ checkId: hostile, title: hostile, message: hostile, howToFix: hostile, estimatedGain: 3, competitors: [site('rival')] }],
      insights: [{ title: hostile, body: hostile, severity: 'CRITICAL', source: hostile }],
    });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).not.toContain(hostile);
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)?.length).toBeGreaterThanOrEqual(7);
    expect(html).toContain('compared 2026-12-01 17:30 UTC');
    expect(html).toContain(PARTIAL_NOTE);
  });
});
