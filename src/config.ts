import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

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

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  VANTAGE_DATA_DIR: z.string().min(1).default('.data'),
  VANTAGE_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  MAX_URLS_PER_BATCH: positiveInt.max(1000).default(50),
  CRAWL_ALLOW_PRIVATE: flag.default(false),
  CRAWL_TIMEOUT_MS: positiveInt.default(10_000),
  CRAWL_MAX_BYTES: positiveInt.default(5 * 1024 * 1024),
  CRAWL_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  CRAWL_USER_AGENT: z.string().min(1).default('VantageBot/0.1 (+https://github.com/vantage)'),
  ANALYSIS_TIMEOUT_MS: positiveInt.default(20_000),
  WORKER_CONCURRENCY: positiveInt.max(256).default(8),
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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MAX_RUNNING_BATCHES_PER_OWNER: positiveInt.default(5),
  MAX_URLS_PER_DAY: positiveInt.default(1000),
  GRAPHQL_INTROSPECTION: flag.default(true),
  GRAPHQL_MAX_DEPTH: positiveInt.max(100).default(10),
  GRAPHQL_MAX_ALIASES: positiveInt.default(15),
  GRAPHQL_MAX_COST: positiveInt.default(20_000),
  GRAPHQL_MAX_TOKENS: positiveInt.default(2000),
  MAX_REQUEST_BYTES: positiveInt.default(1024 * 1024),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt.default(20),
  MAX_CONNECTIONS_PER_KEY: positiveInt.default(20),
  CORS_ORIGINS: originList.default([]),
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  role: 'all' | 'api' | 'worker';
  maxUrlsPerBatch: number;
  crawl: { allowPrivate: boolean; timeoutMs: number; maxBytes: number; maxRedirects: number; userAgent: string };
  /** Longest one page's parsing and checks may run before its thread is stopped and the page fails. */
  analysisTimeoutMs: number;
  workerConcurrency: number;
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
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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
  };
  introspection: boolean;
  /** Origins besides the server's own that browsers may call the API from. */
  corsOrigins: readonly string[];
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
    crawl: {
      allowPrivate: e.CRAWL_ALLOW_PRIVATE,
      timeoutMs: e.CRAWL_TIMEOUT_MS,
      maxBytes: e.CRAWL_MAX_BYTES,
      maxRedirects: e.CRAWL_MAX_REDIRECTS,
      userAgent: e.CRAWL_USER_AGENT,
    },
    analysisTimeoutMs: e.ANALYSIS_TIMEOUT_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
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
    logLevel: e.LOG_LEVEL,
    ownerLimits: { maxRunningBatches: e.MAX_RUNNING_BATCHES_PER_OWNER, maxUrlsPerDay: e.MAX_URLS_PER_DAY },
    requestLimits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxBytes: e.MAX_REQUEST_BYTES,
      maxSubscriptionsPerConnection: e.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerKey: e.MAX_CONNECTIONS_PER_KEY,
    },
    introspection: e.GRAPHQL_INTROSPECTION,
    corsOrigins: e.CORS_ORIGINS,
  });
}
