-- Counting a batch's last target must queue its comparison in the same transaction (so that
-- no reader, reconcile included, sees the count without the job), but an explicit transaction
-- around every page's finish held the batch row through two more round trips. So the finish of
-- a group runs on its own, as before, and with count_last off it leaves the target that would
-- complete its batch unfinished and returns it as deferred; the caller counts that one again
-- with count_last on, in a transaction that also queues the comparison (src/batches/targets.ts).

DROP FUNCTION "vantage_finish_targets"(TEXT, UUID[], TEXT[], JSONB[]);

CREATE FUNCTION "vantage_finish_targets"(channel TEXT, target_ids UUID[], failures TEXT[], analyses JSONB[], count_last BOOLEAN)
RETURNS TABLE ("targetId" UUID, "batchId" UUID, "batchCounted" BOOLEAN, "deferred" BOOLEAN) LANGUAGE plpgsql AS $$
DECLARE
  i INT;
  owning_batch UUID;
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
    UPDATE "Target" t SET status = CASE WHEN failures[i] IS NULL THEN 'SUCCEEDED' ELSE 'FAILED' END::"TargetStatus",
        error = failures[i], "finishedAt" = now()
      WHERE t.id = target_ids[i] AND t.status IN ('PENDING', 'RUNNING')
      RETURNING t."batchId" INTO owning_batch;
    CONTINUE WHEN NOT FOUND;
    IF failures[i] IS NULL THEN
      INSERT INTO "PageAnalysis" SELECT * FROM jsonb_populate_record(NULL::"PageAnalysis",
        jsonb_build_object('createdAt', now()) || analyses[i] || jsonb_build_object('targetId', target_ids[i]));
    END IF;
    UPDATE "Batch" b SET sequence = b.sequence + 1, "completedUrls" = b."completedUrls" + 1,
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
