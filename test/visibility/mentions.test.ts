import { describe, expect, it } from 'vitest';
import { compileBrands, type BrandSpec } from '../../src/visibility';
import { readDomain } from '../../src/projects/domains';

const BRANDS: BrandSpec[] = [
  { name: 'Acme', aliases: ['Acme Trail', 'ACMX'], domains: ['acme.com'] },
  { name: 'Zoë Running', aliases: ['Zoe Run'], domains: ['zoerunning.co.uk'] },
  { name: 'Hoka', domains: ['hoka.com'] },
  { name: 'Salomon', aliases: ['Salomon Speedcross'], domains: ['salomon.com'] },
];
const matcher = compileBrands(BRANDS);
const named = (text: string, citations: string[] = []) =>
  matcher.analyse({ text, citations }).mentions.map((mention) => [mention.brand, mention.position]);

describe('mention detection', () => {
  it.each<[string, string, (string | number)[][]]>([
    ['the name', 'Acme makes trail shoes.', [['Acme', 1]]],
    ['an alias', 'The ACMX line is light.', [['Acme', 1]]],
    ['a multi-word alias across a line break', 'Try the Acme\nTrail.', [['Acme', 1]]],
    ['lower case', 'acme makes shoes', [['Acme', 1]]],
    ['upper case', 'ACME MAKES SHOES', [['Acme', 1]]],
    ['a brand with an accent, written without', 'Zoe Running is light.', [['Zoë Running', 1]]],
    ['a brand with an accent, shouted', 'ZOË RUNNING IS LIGHT.', [['Zoë Running', 1]]],
    ['a brand without accents, written with one', 'Hóka is cushioned.', [['Hoka', 1]]],
    ['an alias of an accented brand', 'Zoe Run fits wide feet.', [['Zoë Running', 1]]],
    ['a possessive', "Acme's soles grip.", [['Acme', 1]]],
    ['a possessive with a typographic apostrophe', 'Salomon’s grip is good.', [['Salomon', 1]]],
    ['a domain', 'See acme.com for sizes.', [['Acme', 1]]],
    ['a subdomain in prose', 'Shop.Acme.com lists them.', [['Acme', 1]]],
    ['the longest term', 'The Salomon Speedcross wins.', [['Salomon', 1]]],
    ['a numbered list, in order', '1. Hoka Speedgoat\n2. Salomon Speedcross\n3. Acme Trail\n', [['Hoka', 1], ['Salomon', 2], ['Acme', 3]]],
    ['a bulleted list after prose', 'Good picks:\n- **Zoë Running**\n- Hoka\n- Acme', [['Zoë Running', 1], ['Hoka', 2], ['Acme', 3]]],
    ['a brand named twice, positioned by its first mention', 'Acme leads. Hoka follows. Acme again.', [['Acme', 1], ['Hoka', 2]]],
    ['a Markdown link: its text names, its URL cites', 'Buy [Acme](https://acme.com/shoes).', [['Acme', 1]]],
    ['near miss: a longer word', 'Acmeville has a marathon.', []],
    ['near miss: a prefix', 'NotAcme and preHoka are made up.', []],
    ['near miss: joined by an underscore or digit', 'acme_store hoka1 2salomon', []],
    ['near miss: another domain that ends like it', 'See notacme.com and hoka.community.', [['Hoka', 1]]],
    ['near miss: part of an alias only', 'Speedcross shoes and Zoe alone.', []],
    ['a brand only in a URL of the text', 'Details: https://www.acme.com/guide and www.hoka.com/x.', []],
    ['a brand written with accents it does not have', 'ÀCMÉ and Ĥökà lead.', [['Acme', 1], ['Hoka', 2]]],
    ['near miss: an accented letter joined to it', 'Acmeé and éHoka and Salomonñ.', []],
    ['a brand right after a URL naming it', 'See https://hoka.com/x and Hoka, or www.acme.com/Acme.', [['Hoka', 1]]],
  ])('%s', (_, text, expected) => {
    expect(named(text)).toEqual(expected);
  });

  it('finds every place a brand is named, with the spans of the original text', () => {
    const text = 'Für Läufer: Zoë Running ist gut. ZOE RUN auch; zoerunning.co.uk hat mehr.';
    const [mention] = matcher.analyse({ text }).mentions;
    expect(mention!.spans.map(({ start, end }) => text.slice(start, end))).toEqual(['Zoë Running', 'ZOE RUN', 'zoerunning.co.uk']);
  });

  it('gives the sentence of the first mention as context, without list markers', () => {
    const { mentions } = matcher.analyse({ text: 'Intro text, e.g. shoes. Hoka is reliable and recommended! Other text.\n2. Acme Trail, for mud.' });
    expect(mentions.map(({ brand, context }) => [brand, context])).toEqual([
      ['Hoka', 'Hoka is reliable and recommended!'],
      ['Acme', 'Acme Trail, for mud.'],
    ]);
  });

  it('judges sentiment and recommendation with the lexicon, and says so', () => {
    const { mentions } = matcher.analyse({
      text: 'Hoka is the best choice for long runs. Avoid Acme: it is overpriced and unreliable. Salomon is not recommended. Zoë Running is not bad.',
    });
    expect(mentions.map(({ brand, sentiment, sentimentScore, recommended, source }) => [brand, sentiment, sentimentScore, recommended, source])).toEqual([
      ['Hoka', 'POSITIVE', 1, true, 'LEXICON'],
      ['Acme', 'NEGATIVE', -1, false, 'LEXICON'],
      ['Salomon', 'NEGATIVE', -1, false, 'LEXICON'],
      ['Zoë Running', 'POSITIVE', 1, false, 'LEXICON'],
    ]);
  });

  it('reads a sentence naming several brands once for all of them, de-accented, and each brand from all its sentences', () => {
    const { mentions } = matcher.analyse({
      text: 'Hoka, Acme and Salomon are all éxcellent. Acme is not reliable.\n- Zoë Running’s grip: poor',
    });
    expect(mentions.map(({ brand, context, sentiment, sentimentScore }) => [brand, context, sentiment, sentimentScore])).toEqual([
      ['Hoka', 'Hoka, Acme and Salomon are all éxcellent.', 'POSITIVE', 1],
      ['Acme', 'Hoka, Acme and Salomon are all éxcellent.', 'NEUTRAL', 0],
      ['Salomon', 'Hoka, Acme and Salomon are all éxcellent.', 'POSITIVE', 1],
      ['Zoë Running', 'Zoë Running’s grip: poor', 'NEGATIVE', -1],
    ]);
  });

  it('a brand only in a cited URL is cited, not mentioned', () => {
    const analysis = matcher.analyse({
      text: 'Hoka is a favourite. More at https://runnersworld.com/review.',
      citations: ['https://www.acme.com/shoes#fit', 'https://shop.zoerunning.co.uk/x', 'https://www.acme.com/shoes', 'mailto:x@y.z'],
    });
    expect(analysis.mentions.map((mention) => mention.brand)).toEqual(['Hoka']);
    expect(analysis.citations).toEqual([
      { url: 'https://www.acme.com/shoes', domain: 'acme.com', brand: 'Acme' },
      { url: 'https://shop.zoerunning.co.uk/x', domain: 'zoerunning.co.uk', brand: 'Zoë Running' },
      { url: 'https://runnersworld.com/review', domain: 'runnersworld.com', brand: null },
    ]);
  });

  it('names a cited domain as a project names a brand domain, private suffixes included', () => {
    const hosts = ['www.acme.com', 'shop.zoerunning.co.uk', 'rival.github.io', 'docs.rival.github.io'];
    const { citations } = matcher.analyse({ text: '', citations: hosts.map((host) => `https://${host}/`) });
    expect(citations.map((citation) => citation.domain)).toEqual(hosts.map((host) => (readDomain(host, false) as { domain: string }).domain));
    expect(citations.map((citation) => citation.domain)).toEqual(['acme.com', 'zoerunning.co.uk', 'rival.github.io', 'rival.github.io']);
  });

  it('analyses many answers like one at a time, and stops when cancelled', async () => {
    const answers = Array.from({ length: 50 }, (_, index) => ({ text: index % 2 ? 'Hoka then Acme.' : 'Acme only.' }));
    expect(await matcher.analyseAll(answers, { sliceMs: 0 })).toEqual(answers.map((answer) => matcher.analyse(answer)));
    const controller = new AbortController();
    controller.abort(new Error('audit cancelled'));
    await expect(matcher.analyseAll(answers, { signal: controller.signal })).rejects.toThrow('audit cancelled');
  });

  it('prefers the longest term where one is the start of another, and falls back when the longer one is part of a word', () => {
    const acme = compileBrands([{ name: 'Acme' }, { name: 'Acme Trail Co', aliases: ['ACME TRAIL'] }]);
    const names = (text: string) => acme.analyse({ text }).mentions.map((mention) => mention.brand);
    expect(names('The Acme Trail Co shoe.')).toEqual(['Acme Trail Co']);
    expect(names('The Acme trail shoe.')).toEqual(['Acme Trail Co']);
    expect(names('The Acme Trails shoe.')).toEqual(['Acme']);
  });

  it('a brand set with nothing to match finds nothing', () => {
    expect(compileBrands([]).analyse({ text: 'Acme, Hoka and https://acme.com.' })).toEqual({
      mentions: [],
      citations: [{ url: 'https://acme.com/', domain: 'acme.com', brand: null }],
    });
  });

  it('refuses a brand set in which one term names two brands', () => {
    expect(() => compileBrands([{ name: 'Acme' }, { name: 'Beta', aliases: ['ACME'] }])).toThrow('"ACME" names both Acme and Beta');
  });
});
