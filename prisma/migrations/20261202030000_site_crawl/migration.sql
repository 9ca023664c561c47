-- Sites, not pages: a batch may crawl each site from its URL (maxPagesPerSite > 1). The crawl's
-- pages are CrawledPage rows: its frontier while QUEUED, so any worker can resume it, and its
-- results once DONE. Batch progress counts pages (pagesDone), a finished site all its share.

-- CreateEnum
CREATE TYPE "CrawledPageStatus" AS ENUM ('QUEUED', 'FETCHING', 'DONE');

-- AlterTable
ALTER TABLE "Batch" ADD COLUMN "maxPagesPerSite" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "pagesDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "pagesAnnouncedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Target" ADD COLUMN "pagesDiscovered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "pagesDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "site" JSONB;

-- Batches made before count their finished targets as their pages.
UPDATE "Batch" SET "pagesDone" = "completedUrls";
UPDATE "Target" SET "pagesDiscovered" = 1, "pagesDone" = 1 WHERE status IN ('SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "CrawledPage" (
    "id" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "status" "CrawledPageStatus" NOT NULL DEFAULT 'QUEUED',
    "claim" UUID,
    "httpStatus" INTEGER,
    "indexable" BOOLEAN,
    "excludedReason" TEXT,
    "error" TEXT,
    "analysis" JSONB,
    "failingChecks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CrawledPage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CrawledPage_targetId_url_key" ON "CrawledPage"("targetId", "url");

-- CreateIndex
CREATE INDEX "CrawledPage_targetId_position_idx" ON "CrawledPage"("targetId", "position");

-- CreateIndex
CREATE INDEX "CrawledPage_targetId_status_depth_position_idx" ON "CrawledPage"("targetId", "status", "depth", "position");

-- AddForeignKey
ALTER TABLE "CrawledPage" ADD CONSTRAINT "CrawledPage_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE OR REPLACE FUNCTION "vantage_finish_targets"(channel TEXT, target_ids UUID[], failures TEXT[], analyses JSONB[], count_last BOOLEAN)
RETURNS TABLE ("targetId" UUID, "batchId" UUID, "batchCounted" BOOLEAN, "deferred" BOOLEAN) LANGUAGE plpgsql AS $$
DECLARE
  i INT;
  owning_batch UUID;
  pages_done INT;
  counted "Batch";
BEGIN
  PERFORM "vantage_lock_batches_of"(target_ids);
  FOR i IN 1 .. coalesce(array_length(target_ids, 1), 0) LOOP
    IF NOT count_last AND EXISTS (SELECT 1 FROM "Target" t JOIN "Batch" b ON b.id = t."batchId"
        WHERE t.id = target_ids[i] AND t.status IN ('PENDING', 'RUNNING') AND b."completedUrls" + 1 >= b."totalUrls") THEN
      "targetId" := target_ids[i];
      "batchId" := NULL;
      "batchCounted" := false;
      "deferred" := true;
      RETURN NEXT;
      CONTINUE;
    END IF;
    SELECT t."pagesDone" INTO pages_done FROM "Target" t WHERE t.id = target_ids[i];
    UPDATE "Target" t SET status = CASE WHEN failures[i] IS NULL THEN 'SUCCEEDED' ELSE 'FAILED' END::"TargetStatus",
        error = failures[i], "finishedAt" = now(),
        "pagesDiscovered" = GREATEST(t."pagesDiscovered", 1), "pagesDone" = GREATEST(t."pagesDone", 1)
      WHERE t.id = target_ids[i] AND t.status IN ('PENDING', 'RUNNING')
      RETURNING t."batchId" INTO owning_batch;
    CONTINUE WHEN NOT FOUND;
    IF failures[i] IS NULL THEN
      INSERT INTO "PageAnalysis" SELECT * FROM jsonb_populate_record(NULL::"PageAnalysis",
        jsonb_build_object('createdAt', now()) || analyses[i] || jsonb_build_object('targetId', target_ids[i]));
    END IF;
    -- A finished site counts all its share of the pages, however few the crawl found.
    UPDATE "Batch" b SET sequence = b.sequence + 1, "completedUrls" = b."completedUrls" + 1,
        "pagesDone" = b."pagesDone" + GREATEST(b."maxPagesPerSite" - pages_done, 0),
        "failedUrls" = b."failedUrls" + CASE WHEN failures[i] IS NULL THEN 0 ELSE 1 END
      WHERE b.id = owning_batch
      RETURNING * INTO counted;
    PERFORM "vantage_announce_batch_change"(channel, owning_batch, target_ids[i]);
    "targetId" := target_ids[i];
    "batchId" := owning_batch;
    "batchCounted" := counted."completedUrls" = counted."totalUrls";
    "deferred" := false;
    RETURN NEXT;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION "vantage_store_crawled_pages"(channel TEXT, target_id UUID, run_claim UUID, page_results JSONB, new_pages JSONB, max_pages INT)
RETURNS TABLE (stored INT, discovered INT) LANGUAGE plpgsql AS $$
DECLARE
  owning_batch UUID;
  known INT;
  announced BOOLEAN;
BEGIN
  PERFORM "vantage_lock_batches_of"(ARRAY[target_id]);
  SELECT t."batchId", t."pagesDiscovered" INTO owning_batch, known FROM "Target" t
    WHERE t.id = target_id AND t.status = 'RUNNING' FOR UPDATE;
  IF NOT FOUND THEN -- cancelled, or finished by another run
    stored := 0;
    discovered := 0;
    RETURN NEXT;
    RETURN;
  END IF;

  UPDATE "CrawledPage" p SET status = 'DONE', claim = NULL, "httpStatus" = r."httpStatus", indexable = r.indexable,
      "excludedReason" = r."excludedReason", error = r.error, analysis = r.analysis,
      "failingChecks" = coalesce(r."failingChecks", '{}'), "finishedAt" = now()
    FROM jsonb_to_recordset(page_results) AS r(id UUID, "httpStatus" INT, indexable BOOLEAN, "excludedReason" TEXT, error TEXT,
      analysis JSONB, "failingChecks" TEXT[])
    WHERE p.id = r.id AND p."targetId" = target_id AND p.status = 'FETCHING' AND p.claim = run_claim;
  GET DIAGNOSTICS stored = ROW_COUNT;

  INSERT INTO "CrawledPage" (id, "targetId", url, position, depth)
    SELECT gen_random_uuid(), target_id, fresh.url, known + fresh.rank - 1, fresh.depth
    FROM (
      SELECT item->>'url' AS url, (item->>'depth')::INT AS depth, row_number() OVER (ORDER BY ord) AS rank
      FROM jsonb_array_elements(new_pages) WITH ORDINALITY AS e(item, ord)
      WHERE NOT EXISTS (SELECT 1 FROM "CrawledPage" c WHERE c."targetId" = target_id AND c.url = item->>'url')
    ) fresh
    WHERE known + fresh.rank <= max_pages
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS discovered = ROW_COUNT;

  UPDATE "Target" t SET "pagesDiscovered" = t."pagesDiscovered" + discovered, "pagesDone" = t."pagesDone" + stored
    WHERE t.id = target_id;
  UPDATE "Batch" b SET "pagesDone" = b."pagesDone" + stored,
      sequence = b.sequence + 1, "pagesAnnouncedAt" = now()
    WHERE b.id = owning_batch AND (b."pagesAnnouncedAt" IS NULL OR b."pagesAnnouncedAt" <= now() - INTERVAL '100 milliseconds')
    RETURNING true INTO announced;
  IF announced THEN
    PERFORM "vantage_announce_batch_change"(channel, owning_batch, target_id);
  ELSE
    UPDATE "Batch" b SET "pagesDone" = b."pagesDone" + stored WHERE b.id = owning_batch;
  END IF;
  RETURN NEXT;
END $$;

-- Events leave out a site's report (it can outgrow NOTIFY's payload).
CREATE OR REPLACE FUNCTION "vantage_announce_batch_change"(channel TEXT, batch_id UUID, target_id UUID)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  announced_sequence INT;
  payload TEXT;
BEGIN
  SELECT b.sequence, json_build_object(
      'batchId', b.id,
      'targetId', t.id,
      'sequence', b.sequence,
      'batch', to_json(b),
      -- A site's report can outgrow NOTIFY's 8000 bytes; readers load it when asked for it.
      'target', to_jsonb(t) - 'site'
    )::text
    INTO announced_sequence, payload
    FROM "Batch" b LEFT JOIN "Target" t ON t.id = target_id AND t."batchId" = b.id
    WHERE b.id = batch_id;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO "BatchEvent" ("batchId", "sequence", "payload") VALUES (batch_id, announced_sequence, payload)
    ON CONFLICT DO NOTHING;
  PERFORM pg_notify(channel, batch_id || ' ' || payload);
  PERFORM "vantage_append_project_events"(batch_id);
END $$;
