import { describe, expect, it } from 'vitest';
import { csvCell, gapsCsv, matrixCsv, toCsv } from '../../shared/exports';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps numbers numbers, negative ones too, and null empty', () => {
    expect(toCsv([[-5, 0, null, 'x']])).toBe('-5,0,,x\r\n');
  });
});

describe('the comparison as CSV', () => {
  const site = (id: string, isSubject = false) => ({ id, url: `https://${id}.test/`, isSubject });
  const comparison = {
    ranking: [
      { rank: 1, overallScore: 80, seoScore: 80, aeoScore: 80, technicalScore: 80, target: site('rival') },
      { rank: 2, overallScore: 40, seoScore: 40, aeoScore: 40, technicalScore: 40, target: site('mine', true) },
    ],
    checks: [
      { checkId: 'faq-schema', category: 'AEO', passedBy: [site('rival')], failedBy: [site('mine')], warnedBy: [] },
      { checkId: 'https', category: 'TECHNICAL', passedBy: [], failedBy: [], warnedBy: [site('rival')] },
    ],
    gaps: [{ checkId: 'faq-schema', title: 'FAQ schema', message: '=cmd|calc, no FAQ', howToFix: '+Add FAQPage markup.', estimatedGain: 12.5, competitors: [site('rival')] }],
  };

  it('puts checks down and sites across, the subject marked', () => {
    expect(matrixCsv(comparison)).toBe(
      'Check,Category,https://rival.test/,https://mine.test/ (my site)\r\n' +
        'Overall score,,80,40\r\n' +
        'faq-schema,AEO,PASS,FAIL\r\n' +
        'https,TECHNICAL,WARN,NOT_APPLICABLE\r\n',
    );
  });

  it("lists the subject's gaps with the finding neutralised for spreadsheets", () => {
    expect(gapsCsv(comparison)).toBe(
      'Check,Check id,Category,Estimated gain (points),Found on your page,How to fix,Competitors that pass\r\n' +
        `FAQ schema,faq-schema,AEO,12.5,"'=cmd|calc, no FAQ",'+Add FAQPage markup.,https://rival.test/\r\n`,
    );
  });
});
