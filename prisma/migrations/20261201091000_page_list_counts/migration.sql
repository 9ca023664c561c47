-- Per-page lists keep their first 200 entries; the counts say how many the page has.
ALTER TABLE "PageAnalysis" ADD COLUMN "headingCount" INTEGER,
ADD COLUMN "structuredDataTypeCount" INTEGER;

UPDATE "PageAnalysis" SET "headingCount" = jsonb_array_length("headings"),
  "structuredDataTypeCount" = cardinality("structuredDataTypes");

ALTER TABLE "PageAnalysis" ALTER COLUMN "headingCount" SET NOT NULL,
ALTER COLUMN "structuredDataTypeCount" SET NOT NULL;
