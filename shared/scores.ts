/**
 * The four scores a site is ranked by, in the order every chart and table shows them. The
 * colours are three of Okabe-Ito's and Tol's wine, chosen to stay apart for the common kinds of
 * colour blindness and at 3:1 or more against white; every chart also writes each value as
 * text, so no score is told by colour alone.
 */
export const scoreMetrics = [
  { key: 'overallScore', label: 'Overall', colour: '#0072B2' },
  { key: 'seoScore', label: 'SEO', colour: '#D55E00' },
  { key: 'aeoScore', label: 'AEO', colour: '#009E73' },
  { key: 'technicalScore', label: 'Technical', colour: '#882255' },
] as const;

export type ScoreKey = (typeof scoreMetrics)[number]['key'];
