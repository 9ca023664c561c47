-- AlterTable
ALTER TABLE "PageAnalysis" ADD COLUMN     "aiCrawlerAccess" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "charset" TEXT NOT NULL DEFAULT 'utf-8',
ADD COLUMN     "originFindings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "timeToFirstByteMs" INTEGER NOT NULL DEFAULT 0;
