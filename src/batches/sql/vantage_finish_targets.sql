-- Ends each given target that is still unfinished: SUCCEEDED with its analysis (a PageAnalysis
-- row as JSON) when its failure is NULL, else FAILED with that failure; and counts it on its
-- batch. Returns one row per target counted. A target counted before (by an earlier run of its
-- job) or cancelled is left out, so no page is ever counted twice. With count_last off, a target
-- that would complete its batch is left unfinished and returned as deferred: the caller counts it
-- again with count_last on, in a transaction that also queues the comparison
-- (src/batches/targets.ts), so that no reader sees the count without the job.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
