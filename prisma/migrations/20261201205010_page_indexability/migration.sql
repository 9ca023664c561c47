-- AlterTable
ALTER TABLE "PageAnalysis" ADD COLUMN     "excludedReason" TEXT,
ADD COLUMN     "indexable" BOOLEAN NOT NULL DEFAULT true;

-- Pages analysed before indexability was judged: an error status is the one reason their row
-- shows (noindex headers and robots meta were not kept), so only those are marked.
UPDATE "PageAnalysis" SET "indexable" = false, "excludedReason" = 'Answers ' || "httpStatus"
  WHERE "httpStatus" BETWEEN 400 AND 599;
