-- Monitoring of projects: finished runs kept past their batch's retention, history points,
-- detected changes, the project's event log, and webhooks with their deliveries.
ALTER TYPE "AuditAction" ADD VALUE 'WEBHOOK_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'WEBHOOK_DELETED';

CREATE TYPE "HistoryMetric" AS ENUM ('OVERALL_SCORE', 'SEO_SCORE', 'AEO_SCORE', 'TECHNICAL_SCORE', 'MENTION_RATE', 'SHARE_OF_VOICE', 'CITATION_SHARE');
CREATE TYPE "ChangeKind" AS ENUM ('CHECK_FIXED', 'CHECK_BROKEN', 'SCORE_UP', 'SCORE_DOWN', 'MENTION_GAINED', 'MENTION_LOST', 'RANK_CHANGED');
CREATE TYPE "WebhookEvent" AS ENUM ('RUN_COMPLETED', 'RUN_FAILED', 'CHANGE_DETECTED');

ALTER TABLE "Project" ADD COLUMN "scheduleError" TEXT;
ALTER TABLE "Project" ADD COLUMN "scheduleErrorAt" TIMESTAMPTZ(3);
ALTER TABLE "Project" ADD COLUMN "eventSequence" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "ProjectRun" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" TEXT NOT NULL,
    "scheduled" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "ProjectRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "HistoryPoint" (
    "runId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "metric" "HistoryMetric" NOT NULL,
    "projectId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "HistoryPoint_pkey" PRIMARY KEY ("runId", "brandId", "metric")
);

CREATE TABLE "ProjectChange" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "message" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectChange_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProjectEvent" (
    "projectId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("projectId", "sequence")
);

CREATE TABLE "Webhook" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" "WebhookEvent"[],
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "webhookId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "body" TEXT NOT NULL,
    "status" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "deliveredAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ProjectRun_projectId_kind_finishedAt_idx" ON "ProjectRun"("projectId", "kind", "finishedAt" DESC);
CREATE INDEX "HistoryPoint_projectId_metric_at_idx" ON "HistoryPoint"("projectId", "metric", "at");
CREATE UNIQUE INDEX "ProjectChange_runId_brandId_kind_subject_key" ON "ProjectChange"("runId", "brandId", "kind", "subject");
CREATE INDEX "ProjectChange_projectId_at_id_idx" ON "ProjectChange"("projectId", "at" DESC, "id" DESC);
CREATE INDEX "Webhook_projectId_createdAt_idx" ON "Webhook"("projectId", "createdAt");
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt" DESC);

ALTER TABLE "ProjectRun" ADD CONSTRAINT "ProjectRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HistoryPoint" ADD CONSTRAINT "HistoryPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProjectRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HistoryPoint" ADD CONSTRAINT "HistoryPoint_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "ProjectBrand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HistoryPoint" ADD CONSTRAINT "HistoryPoint_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectChange" ADD CONSTRAINT "ProjectChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectChange" ADD CONSTRAINT "ProjectChange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProjectRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectChange" ADD CONSTRAINT "ProjectChange_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "ProjectBrand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
