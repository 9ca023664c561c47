-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TargetStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Batch" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'PENDING',
    "totalUrls" INTEGER NOT NULL,
    "completedUrls" INTEGER NOT NULL DEFAULT 0,
    "failedUrls" INTEGER NOT NULL DEFAULT 0,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "isSubject" BOOLEAN NOT NULL DEFAULT false,
    "status" "TargetStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "jobId" UUID,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageAnalysis" (
    "targetId" UUID NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "fetchMs" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "title" TEXT,
    "metaDescription" TEXT,
    "canonical" TEXT,
    "lang" TEXT,
    "wordCount" INTEGER NOT NULL,
    "headings" JSONB NOT NULL,
    "structuredDataTypes" TEXT[],
    "redirectChain" TEXT[],
    "seoScore" INTEGER NOT NULL,
    "aeoScore" INTEGER NOT NULL,
    "technicalScore" INTEGER NOT NULL,
    "overallScore" INTEGER NOT NULL,
    "checks" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageAnalysis_pkey" PRIMARY KEY ("targetId")
);

-- CreateTable
CREATE TABLE "Comparison" (
    "batchId" UUID NOT NULL,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comparison_pkey" PRIMARY KEY ("batchId")
);

-- CreateTable
CREATE TABLE "OriginFiles" (
    "batchId" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OriginFiles_pkey" PRIMARY KEY ("batchId","origin")
);

-- CreateIndex
CREATE INDEX "Batch_createdAt_id_idx" ON "Batch"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Batch_status_createdAt_idx" ON "Batch"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Target_batchId_status_idx" ON "Target"("batchId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Target_batchId_url_key" ON "Target"("batchId", "url");

-- CreateIndex
CREATE UNIQUE INDEX "Target_batchId_position_key" ON "Target"("batchId", "position");

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageAnalysis" ADD CONSTRAINT "PageAnalysis_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OriginFiles" ADD CONSTRAINT "OriginFiles_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
