-- Projects: a brand and its competitors, kept to be audited again (src/projects). Their site
-- audits are ordinary batches that point at the project; deleting the project leaves them.
CREATE TYPE "RunKind" AS ENUM ('SITE_AUDIT', 'VISIBILITY_AUDIT');

-- Not used in this transaction, which PostgreSQL would refuse for a value added in it.
ALTER TYPE "AuditAction" ADD VALUE 'PROJECT_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'PROJECT_UPDATED';
ALTER TYPE "AuditAction" ADD VALUE 'PROJECT_DELETED';

CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "market" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "prompts" TEXT[],
    "maxPagesPerSite" INTEGER NOT NULL DEFAULT 1,
    "scheduleCron" TEXT,
    "scheduleTimezone" TEXT,
    "scheduleRuns" "RunKind"[],
    "nextRunAt" TIMESTAMPTZ(3),
    "lastRunAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id"),
    -- A schedule is its cron, time zone and next due time together, or none of them.
    CONSTRAINT "Project_schedule_whole" CHECK (
        ("scheduleCron" IS NULL) = ("scheduleTimezone" IS NULL)
        AND ("scheduleCron" IS NULL) = ("nextRunAt" IS NULL))
);

CREATE TABLE "ProjectBrand" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "domains" TEXT[],

    CONSTRAINT "ProjectBrand_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Batch" ADD COLUMN "projectId" UUID;
ALTER TABLE "AuditEvent" ADD COLUMN "projectId" UUID;

CREATE INDEX "Project_ownerId_createdAt_id_idx" ON "Project"("ownerId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Project_nextRunAt_idx" ON "Project"("nextRunAt");
CREATE UNIQUE INDEX "ProjectBrand_projectId_position_key" ON "ProjectBrand"("projectId", "position");
CREATE INDEX "Batch_projectId_createdAt_id_idx" ON "Batch"("projectId", "createdAt" DESC, "id" DESC);

ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectBrand" ADD CONSTRAINT "ProjectBrand_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
