import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

const KEY = 'sk-secret-0123456789';
const engines = [
  { name: 'openai', kind: 'openai-chat', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-search-preview', apiKeyEnv: 'OPENAI_KEY', requestOptions: { web_search_options: {} } },
  { name: 'perplexity', kind: 'perplexity', baseUrl: 'https://api.perplexity.ai', model: 'sonar', apiKeyEnv: 'PPLX_KEY', concurrency: 4, requestsPerMinute: 50 },
  { name: 'ollama', kind: 'openai-chat', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' },
];

describe('ANSWER_ENGINES', () => {
  it('is empty when unset: a fresh machine has no engine', () => {
    expect(loadConfig({}).answerEngines).toEqual([]);
  });

  it('reads each engine, its key from the variable it names, and the defaults', () => {
    const config = loadConfig({ ANSWER_ENGINES: JSON.stringify(engines), OPENAI_KEY: KEY, PPLX_KEY: 'pplx-key' });
    expect(config.answerEngines.map(({ name, kind, model, apiKeyEnv, citesSources, concurrency, requestsPerMinute, requestOptions }) => ({ name, kind, model, apiKeyEnv, citesSources, concurrency, requestsPerMinute, requestOptions }))).toEqual([
      { name: 'openai', kind: 'openai-chat', model: 'gpt-4o-search-preview', apiKeyEnv: 'OPENAI_KEY', citesSources: false, concurrency: 2, requestsPerMinute: 60, requestOptions: { web_search_options: {} } },
      { name: 'perplexity', kind: 'perplexity', model: 'sonar', apiKeyEnv: 'PPLX_KEY', citesSources: true, concurrency: 4, requestsPerMinute: 50, requestOptions: {} },
      { name: 'ollama', kind: 'openai-chat', model: 'llama3.2', apiKeyEnv: null, citesSources: false, concurrency: 2, requestsPerMinute: 60, requestOptions: {} },
    ]);
    expect(config.answerEngines.map((engine) => engine.apiKey)).toEqual([KEY, 'pplx-key', null]);
    expect(config.answerRequests).toEqual({ timeoutMs: 60_000, retries: 3, maxBytes: 1024 * 1024 });
  });

  it('keeps keys out of everything that serialises the configuration: JSON, util.inspect, log lines', () => {
    const config = loadConfig({ ANSWER_ENGINES: JSON.stringify(engines), OPENAI_KEY: KEY, PPLX_KEY: 'pplx-key' });
    const written: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) }), 'json');
    log.info({ config, engine: config.answerEngines[0] }, 'configured');
    for (const serialised of [JSON.stringify(config), inspect(config, { depth: 10 }), written.join('')]) {
      expect(serialised).toContain('gpt-4o-search-preview');
      expect(serialised).not.toContain(KEY);
      expect(serialised).not.toContain('pplx-key');
    }
  });

  it.each([
    ['not JSON', '[{"name":', /ANSWER_ENGINES: not JSON/],
    ['not an array', '{"name":"x"}', /ANSWER_ENGINES/],
    ['an unknown kind', JSON.stringify([{ ...engines[2], kind: 'gemini-native' }]), /ANSWER_ENGINES\.0\.kind/],
    ['a base URL that is not http(s)', JSON.stringify([{ ...engines[2], baseUrl: 'ftp://x/v1' }]), /ANSWER_ENGINES\.0\.baseUrl/],
    ['no model', JSON.stringify([{ name: 'x', kind: 'openai-chat', baseUrl: 'http://127.0.0.1/v1' }]), /ANSWER_ENGINES\.0\.model/],
    ['an unknown field (a key pasted in)', JSON.stringify([{ ...engines[2], apiKey: KEY }]), /ANSWER_ENGINES\.0/],
    ['two engines of one name', JSON.stringify([engines[2], engines[2]]), /engine names must be unique/],
  ])('stops the process on %s, naming the variable', (_, value, message) => {
    expect(() => loadConfig({ ANSWER_ENGINES: value })).toThrow(message);
  });

  it('stops the process when the variable an engine reads its key from is not set, naming both', () => {
    expect(() => loadConfig({ ANSWER_ENGINES: JSON.stringify(engines), OPENAI_KEY: KEY })).toThrow(
      'ANSWER_ENGINES[1] (perplexity) reads its key from PPLX_KEY, which is not set',
    );
  });

  it('never echoes a key pasted into the JSON in its error', () => {
    expect(() => loadConfig({ ANSWER_ENGINES: JSON.stringify([{ ...engines[2], apiKey: KEY }]) })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(KEY) }),
    );
  });
});
