-- Stores a crawl run's results and the pages it found, and counts them, in one statement per
-- handful of pages. A result is kept only while the page is still in hand of the run that
-- claimed it (a run that lost its claim, or a retry of it, stores nothing twice). New pages
-- (page_results: the page rows as JSON; new_pages: [{url, depth}] in discovery order) get the next
-- positions, up to max_pages in all. Page counts are announced at most ten times a second per
-- batch: a crawl of thousands of pages must not send every subscriber an event per page. The
-- target's status changes and the batch's end are announced by the transitions, always.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
