import { describe, expect, it } from 'vitest';
import { parseGeneratedPrompts, templatePrompts } from '../../src/visibility';

const subject = {
  brand: { name: 'Acme' },
  competitors: [{ name: 'Rival' }, { name: 'Zenith' }],
  market: 'trail running shoes',
  language: 'en',
};

describe('templatePrompts', () => {
  it('asks what buyers ask: the market, the brand for the market, each competitor, then general ones up to 10', () => {
    expect(templatePrompts(subject)).toEqual([
      'best trail running shoes',
      'is Acme good for trail running shoes',
      'top trail running shoes brands',
      'which trail running shoes do experts recommend',
      'Rival alternatives',
      'Acme vs Rival',
      'Zenith alternatives',
      'Acme vs Zenith',
      'Acme reviews',
      'most trusted trail running shoes',
    ]);
  });

  it('stays between 10 and 30 prompts, whatever the number of competitors', () => {
    const few = templatePrompts({ ...subject, competitors: [{ name: 'Rival' }] });
    const many = templatePrompts({ ...subject, competitors: Array.from({ length: 20 }, (_, index) => ({ name: `Brand ${index}` })) });
    expect(few).toHaveLength(10);
    expect(many).toHaveLength(30);
    expect(new Set(many.map((prompt) => prompt.toLowerCase())).size).toBe(30);
  });

  it('asks about the brand itself when the project names no market', () => {
    const prompts = templatePrompts({ ...subject, market: null });
    expect(prompts.slice(0, 2)).toEqual(['is Acme any good', 'best Acme alternatives']);
    expect(prompts).toHaveLength(10);
    expect(prompts.some((prompt) => prompt.includes('null'))).toBe(false);
  });
});

describe('parseGeneratedPrompts', () => {
  it('takes one prompt a line, without list markers, quotes, headings or repeats', () => {
    const text = ['Here are questions:', '1. Best trail shoes?', '2) "Is Acme good?"', '- best trail shoes?', '', ...Array.from({ length: 9 }, (_, index) => `• question ${index}`)].join('\n');
    expect(parseGeneratedPrompts(text)).toEqual(['Best trail shoes?', 'Is Acme good?', ...Array.from({ length: 9 }, (_, index) => `question ${index}`)]);
  });

  it('refuses an answer with fewer than 10 prompts, and keeps at most 30', () => {
    expect(parseGeneratedPrompts('Sorry, I cannot help with that.')).toBeNull();
    expect(parseGeneratedPrompts(Array.from({ length: 40 }, (_, index) => `q${index}`).join('\n'))).toHaveLength(30);
  });
});
