import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();
/**
 * The default GRAPHQL_MAX_COST per URL a batch may have: the web client's full report of a
 * batch (every target's analysis and the comparison) is estimated at about 1400 per URL.
 */
const COST_PER_BATCH_URL = 2000;

/** A comma-separated list of origins such as `https://app.example.com`, each exactly an origin. */
const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.string().refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, {
        message: 'each entry must be an origin like https://app.example.com (scheme, host, optional port; no path)',
      }),
    ),
  );

/**
 * One answer engine of ANSWER_ENGINES. `apiKeyEnv` names the variable holding its key, so the
 * key itself never sits in a JSON value that may be echoed, logged or committed.
 */
const answerEngine = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a name of 1-40 letters, digits, dots, dashes or underscores'),
  kind: z.enum(['openai-chat', 'perplexity']),
  baseUrl: z.url({ protocol: /^https?$/ }),
  model: z.string().min(1),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable').optional(),
  citesSources: z.boolean().optional(),
  concurrency: positiveInt.max(64).default(2),
  requestsPerMinute: positiveInt.max(100_000).default(60),
  requestOptions: z.record(z.string(), z.unknown()).optional(),
});

const answerEngines = z
  .string()
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      context.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(answerEngine).max(20).refine((engines) => new Set(engines.map((engine) => engine.name)).size === engines.length, {
      message: 'engine names must be unique',
    }),
  );

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  VANTAGE_DATA_DIR: z.string().min(1).default('.data'),
  VANTAGE_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  MAX_URLS_PER_BATCH: positiveInt.max(1000).default(50),
  MAX_PAGES_PER_SITE: positiveInt.max(100_000).default(500),
  CRAWL_ALLOW_PRIVATE: flag.default(false),
  CRAWL_TIMEOUT_MS: positiveInt.default(10_000),
  CRAWL_MAX_BYTES: positiveInt.default(5 * 1024 * 1024),
  CRAWL_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  CRAWL_USER_AGENT: z.string().min(1).default('VantageBot/0.1 (+https://github.com/vantage)'),
  ANALYSIS_TIMEOUT_MS: positiveInt.default(20_000),
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  WEBHOOK_RETRY_DELAY_SECONDS: positiveInt.max(3600).default(60),
  WORKER_CONCURRENCY: positiveInt.max(256).default(8),
  DATABASE_POOL_SIZE: positiveInt.max(1000).optional(),
  QUEUE_POOL_SIZE: positiveInt.max(100).optional(),
  CRAWL_MAX_PER_HOST: positiveInt.max(64).default(2),
  ANALYZE_TARGETS_PER_JOB: positiveInt.max(100).default(10),
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3600).default(10),
  QUEUE_SUPERVISE_SECONDS: positiveInt.max(3600).default(10),
  QUEUE_POLL_SECONDS: z.coerce.number().min(0.5).max(300).default(5),
  RECONCILE_CRON: z.string().min(1).default('* * * * *'),
  RETENTION_DAYS: positiveInt.optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(15_000),
  ANALYZE_MAX_ATTEMPTS: positiveInt.max(10).default(3),
  LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: positiveInt.default(30_000),
  LLM_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  ANSWER_ENGINES: answerEngines.default([]),
  ANSWER_TIMEOUT_MS: positiveInt.default(60_000),
  ANSWER_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  ANSWER_MAX_BYTES: positiveInt.default(1024 * 1024),
  ANSWER_CACHE_TTL_HOURS: z.coerce.number().min(0).max(8760).default(24),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  MAX_RUNNING_BATCHES_PER_OWNER: positiveInt.default(5),
  MAX_URLS_PER_DAY: positiveInt.default(1000),
  GRAPHQL_INTROSPECTION: flag.default(true),
  GRAPHQL_MAX_DEPTH: positiveInt.max(100).default(10),
  GRAPHQL_MAX_ALIASES: positiveInt.default(15),
  // Unset: COST_PER_BATCH_URL per URL a batch may have (src/schema/cost.ts says how cost is counted).
  GRAPHQL_MAX_COST: positiveInt.optional(),
  GRAPHQL_MAX_TOKENS: positiveInt.default(2000),
  MAX_REQUEST_BYTES: positiveInt.default(1024 * 1024),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt.default(20),
  MAX_CONNECTIONS_PER_KEY: positiveInt.default(20),
  UNAUTHENTICATED_REQUESTS_PER_MINUTE: positiveInt.default(60),
  CORS_ORIGINS: originList.default([]),
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
});

/**
 * An answer engine the operator configured. `apiKey` is a non-enumerable property: logging or
 * serialising the object (pino, JSON.stringify, util.inspect) leaves it out.
 */
export interface AnswerEngineConfig {
  readonly name: string;
  /** `openai-chat`: the OpenAI chat-completions protocol; `perplexity`: the same plus its `citations` / `search_results`. */
  readonly kind: 'openai-chat' | 'perplexity';
  /** Up to and including the API version; "/chat/completions" is appended. */
  readonly baseUrl: string;
  readonly model: string;
  /** The variable the key was read from; null for engines that need none (a local Ollama). */
  readonly apiKeyEnv: string | null;
  readonly apiKey: string | null;
  /** Whether the engine returns the sources it used (AnswerEngine.citesSources). */
  readonly citesSources: boolean;
  /** Requests to this engine at once, and started per minute. */
  readonly concurrency: number;
  readonly requestsPerMinute: number;
  /** Extra fields of every request body, e.g. {"web_search_options": {}} for OpenAI's search models. */
  readonly requestOptions: Readonly<Record<string, unknown>>;
}

export type Config = Readonly<{
  databaseUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  role: 'all' | 'api' | 'worker';
  maxUrlsPerBatch: number;
  /** The most pages of one site a batch or a project may ask for. */
  maxPagesPerSite: number;
  crawl: { allowPrivate: boolean; timeoutMs: number; maxBytes: number; maxRedirects: number; userAgent: string };
  /** Longest one page's parsing and checks may run before its thread is stopped and the page fails. */
  analysisTimeoutMs: number;
  /** Per delivery attempt; the first retry's delay, doubled for each later one (7 attempts in all). */
  webhooks: { timeoutMs: number; retryDelaySeconds: number };
  workerConcurrency: number;
  /** Connections of the pool under Prisma, and of pg-boss's own pool (see the README's runbook). */
  pools: { database: number; queue: number };
  /** Requests to one host at once across every worker process, and a worker's jobs per host. */
  maxFetchesPerHost: number;
  /** At most this many pages of one host in one analyze-target job, analysed one after another. */
  targetsPerJob: number;
  queue: {
    /** A running job's heartbeat; a job whose worker died is retried within about twice this. */
    heartbeatSeconds: number;
    superviseSeconds: number;
    /** Backstop poll for jobs NOTIFY does not announce (retries after a crash, delayed retries). */
    pollSeconds: number;
    reconcileCron: string;
    /** Finished batches older than this are deleted; null keeps them. */
    retentionDays: number | null;
  };
  shutdownGraceMs: number;
  analyzeMaxAttempts: number;
  /** An OpenAI-compatible chat-completions endpoint that writes insights; null: rules only. */
  llm: { baseUrl: string; apiKey: string; model: string; timeoutMs: number; retries: number } | null;
  /** Empty on a fresh machine: no visibility audit can run until one is configured. */
  answerEngines: readonly AnswerEngineConfig[];
  /** Per attempt / attempts after the first / the largest response body read, for every engine. */
  answerRequests: { timeoutMs: number; retries: number; maxBytes: number };
  /** How long an engine's answer is reused for the same engine, model, prompt and sample number; 0: never. */
  answerCacheTtlHours: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** `auto`: human lines when stdout is a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Per owner; RATE_LIMITED beyond them. A day is the last 24 hours. */
  ownerLimits: { maxRunningBatches: number; maxUrlsPerDay: number };
  /** Per request and per WebSocket connection. */
  requestLimits: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxBytes: number;
    maxSubscriptionsPerConnection: number;
    maxConnectionsPerKey: number;
    /** HTTP requests refused as UNAUTHENTICATED per client address and api process; RATE_LIMITED beyond. */
    unauthenticatedPerMinute: number;
  };
  introspection: boolean;
  /** Origins besides the server's own that browsers may call the API from. */
  corsOrigins: readonly string[];
  /** A bearer token that may read GET /metrics besides API keys (for a Prometheus without a key). */
  metricsToken: string | null;
}>;

/**
 * Reads the environment once. Unset and empty variables take their defaults; an invalid
 * value stops the process with a message that names the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration; fix these environment variables:\n${problems}`);
  }
  const e = parsed.data;
  const engines = e.ANSWER_ENGINES.map((engine, index) => {
    const apiKey = engine.apiKeyEnv === undefined ? null : (present[engine.apiKeyEnv] ?? null);
    if (engine.apiKeyEnv !== undefined && apiKey === null) {
      throw new Error(`Invalid configuration: ANSWER_ENGINES[${index}] (${engine.name}) reads its key from ${engine.apiKeyEnv}, which is not set.`);
    }
    const config = {
      name: engine.name,
      kind: engine.kind,
      baseUrl: engine.baseUrl,
      model: engine.model,
      apiKeyEnv: engine.apiKeyEnv ?? null,
      citesSources: engine.citesSources ?? engine.kind === 'perplexity',
      concurrency: engine.concurrency,
      requestsPerMinute: engine.requestsPerMinute,
      requestOptions: Object.freeze({ ...engine.requestOptions }),
    };
    return Object.freeze(Object.defineProperty(config, 'apiKey', { value: apiKey, enumerable: false }) as AnswerEngineConfig);
  });
  if (e.LLM_BASE_URL && !e.LLM_MODEL) {
    throw new Error('Invalid configuration: LLM_BASE_URL is set, so set LLM_MODEL (and LLM_API_KEY if the endpoint needs one) too.');
  }
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.VANTAGE_DATA_DIR),
    role: e.VANTAGE_ROLE,
    maxUrlsPerBatch: e.MAX_URLS_PER_BATCH,
    maxPagesPerSite: e.MAX_PAGES_PER_SITE,
    crawl: {
      allowPrivate: e.CRAWL_ALLOW_PRIVATE,
      timeoutMs: e.CRAWL_TIMEOUT_MS,
      maxBytes: e.CRAWL_MAX_BYTES,
      maxRedirects: e.CRAWL_MAX_REDIRECTS,
      userAgent: e.CRAWL_USER_AGENT,
    },
    analysisTimeoutMs: e.ANALYSIS_TIMEOUT_MS,
    webhooks: { timeoutMs: e.WEBHOOK_TIMEOUT_MS, retryDelaySeconds: e.WEBHOOK_RETRY_DELAY_SECONDS },
    workerConcurrency: e.WORKER_CONCURRENCY,
    // An api process only runs requests; a worker's jobs each hold a connection at times.
    pools: {
      database: e.DATABASE_POOL_SIZE ?? (e.VANTAGE_ROLE === 'api' ? 10 : e.WORKER_CONCURRENCY + 10),
      queue: e.QUEUE_POOL_SIZE ?? (e.VANTAGE_ROLE === 'api' ? 4 : 10),
    },
    maxFetchesPerHost: e.CRAWL_MAX_PER_HOST,
    targetsPerJob: e.ANALYZE_TARGETS_PER_JOB,
    queue: {
      heartbeatSeconds: e.JOB_HEARTBEAT_SECONDS,
      superviseSeconds: e.QUEUE_SUPERVISE_SECONDS,
      pollSeconds: e.QUEUE_POLL_SECONDS,
      reconcileCron: e.RECONCILE_CRON,
      retentionDays: e.RETENTION_DAYS ?? null,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    analyzeMaxAttempts: e.ANALYZE_MAX_ATTEMPTS,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL,
            apiKey: e.LLM_API_KEY ?? '',
            model: e.LLM_MODEL,
            timeoutMs: e.LLM_TIMEOUT_MS,
            retries: e.LLM_RETRIES,
          }
        : null,
    answerEngines: Object.freeze(engines),
    answerRequests: { timeoutMs: e.ANSWER_TIMEOUT_MS, retries: e.ANSWER_RETRIES, maxBytes: e.ANSWER_MAX_BYTES },
    answerCacheTtlHours: e.ANSWER_CACHE_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    ownerLimits: { maxRunningBatches: e.MAX_RUNNING_BATCHES_PER_OWNER, maxUrlsPerDay: e.MAX_URLS_PER_DAY },
    requestLimits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST ?? COST_PER_BATCH_URL * e.MAX_URLS_PER_BATCH,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxBytes: e.MAX_REQUEST_BYTES,
      maxSubscriptionsPerConnection: e.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerKey: e.MAX_CONNECTIONS_PER_KEY,
      unauthenticatedPerMinute: e.UNAUTHENTICATED_REQUESTS_PER_MINUTE,
    },
    introspection: e.GRAPHQL_INTROSPECTION,
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN ?? null,
  });
}
