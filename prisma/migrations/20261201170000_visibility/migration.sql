-- AI visibility: audits, every answer an engine gave (or the request's failure), and the answer cache.
ALTER TYPE "AuditAction" ADD VALUE 'VISIBILITY_AUDIT_STARTED';
ALTER TYPE "AuditAction" ADD VALUE 'VISIBILITY_AUDIT_CANCELLED';
ALTER TABLE "AuditEvent" ADD COLUMN "visibilityAuditId" UUID;

CREATE TYPE "VisibilityStage" AS ENUM ('QUEUED', 'GENERATING_PROMPTS', 'ASKING', 'ANALYSING', 'SCORING', 'DONE');

CREATE TABLE "VisibilityAudit" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "projectId" UUID,
    "status" "BatchStatus" NOT NULL DEFAULT 'PENDING',
    "stage" "VisibilityStage" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "engines" TEXT[],
    "samplesPerPrompt" INTEGER NOT NULL,
    "prompts" TEXT[],
    "promptsSource" TEXT,
    "brands" JSONB NOT NULL,
    "requestsTotal" INTEGER NOT NULL DEFAULT 0,
    "requestsDone" INTEGER NOT NULL DEFAULT 0,
    "requestsFailed" INTEGER NOT NULL DEFAULT 0,
    "tokensUsed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "scores" JSONB,
    "insights" JSONB,
    "insightsFailure" TEXT,
    "citedPagesBatchId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "VisibilityAudit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VisibilityAnswer" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "sample" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "tokensUsed" INTEGER,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "mentions" JSONB,
    "brands" TEXT[],
    "citations" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisibilityAnswer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VisibilityAnswerCache" (
    "engine" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "sample" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "answeredBy" TEXT NOT NULL,
    "citations" TEXT[],
    "latencyMs" INTEGER NOT NULL,
    "tokensUsed" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisibilityAnswerCache_pkey" PRIMARY KEY ("engine", "model", "prompt", "sample")
);

CREATE INDEX "VisibilityAudit_ownerId_createdAt_id_idx" ON "VisibilityAudit"("ownerId", "createdAt" DESC, "id" DESC);
CREATE INDEX "VisibilityAudit_projectId_createdAt_id_idx" ON "VisibilityAudit"("projectId", "createdAt" DESC, "id" DESC);
CREATE UNIQUE INDEX "VisibilityAnswer_auditId_engine_prompt_sample_key" ON "VisibilityAnswer"("auditId", "engine", "prompt", "sample");

ALTER TABLE "VisibilityAudit" ADD CONSTRAINT "VisibilityAudit_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VisibilityAudit" ADD CONSTRAINT "VisibilityAudit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VisibilityAudit" ADD CONSTRAINT "VisibilityAudit_citedPagesBatchId_fkey" FOREIGN KEY ("citedPagesBatchId") REFERENCES "Batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VisibilityAnswer" ADD CONSTRAINT "VisibilityAnswer_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "VisibilityAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
