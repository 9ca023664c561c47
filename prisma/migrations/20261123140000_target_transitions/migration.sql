-- A page's start and finish are the hot path of every batch. Each runs server-side as one
-- statement for several pages at once, instead of a round trip per step and page, and takes
-- its locks in the order every writer does: the batch rows first (FOR NO KEY UPDATE, in id
-- order), then the targets.
--
-- Both commit without waiting for the WAL flush (synchronous_commit off, for their own
-- transaction only): every page of a batch takes the batch row, and holding it through a disk
-- flush per page made the pages of one batch queue behind each other's fsync. Nothing durable
-- depends on it: the job that ran the function completes afterwards in a synchronous commit,
-- which flushes the WAL up to and including this one. If PostgreSQL itself crashes before that,
-- both are lost together and the job runs again.

-- Tells listeners about a batch's change, with the batch row and the changed target's row as
-- they stand in the calling transaction. Delivered on commit, in commit order. The payload is
-- the batch id, a space and the change as JSON, so that a listener with no subscriber to the
-- batch need not parse the rest (src/events/channel.ts).
CREATE FUNCTION "vantage_announce_batch_change"(channel TEXT, batch_id UUID, target_id UUID)
RETURNS VOID LANGUAGE sql AS $$
  SELECT pg_notify(channel, b.id || ' ' || json_build_object(
    'batchId', b.id,
    'targetId', t.id,
    'sequence', b.sequence,
    'batch', to_json(b),
    'target', to_json(t)
  )::text)
  FROM "Batch" b LEFT JOIN "Target" t ON t.id = target_id AND t."batchId" = b.id
  WHERE b.id = batch_id
$$;

-- Marks the PENDING or RUNNING ones of the given targets RUNNING for one more attempt (their
-- batches RUNNING too) and returns them; targets gone or no longer unfinished are left out.
CREATE FUNCTION "vantage_start_targets"(channel TEXT, target_ids UUID[])
RETURNS SETOF "Target" LANGUAGE plpgsql AS $$
DECLARE
  started "Target";
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM 1 FROM "Batch" WHERE id IN (SELECT "batchId" FROM "Target" WHERE id = ANY(target_ids))
    ORDER BY id FOR NO KEY UPDATE;
  FOR started IN
    UPDATE "Target" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = coalesce("startedAt", now()), error = NULL
    WHERE id = ANY(target_ids) AND status IN ('PENDING', 'RUNNING')
    RETURNING *
  LOOP
    UPDATE "Batch" SET sequence = sequence + 1,
        "startedAt" = CASE WHEN status = 'PENDING' THEN now() ELSE "startedAt" END,
        status = CASE WHEN status = 'PENDING' THEN 'RUNNING'::"BatchStatus" ELSE status END
      WHERE id = started."batchId";
    PERFORM "vantage_announce_batch_change"(channel, started."batchId", started.id);
    RETURN NEXT started;
  END LOOP;
END $$;

-- Ends each given target that is still unfinished: SUCCEEDED with its analysis (a PageAnalysis
-- row as JSON) when its failure is NULL, else FAILED with that failure; and counts it on its
-- batch. Returns one row per target counted. A target counted before (by an earlier run of its
-- job) or cancelled is left out, so no page is ever counted twice.
CREATE FUNCTION "vantage_finish_targets"(channel TEXT, target_ids UUID[], failures TEXT[], analyses JSONB[])
RETURNS TABLE ("targetId" UUID, "batchId" UUID, "batchCounted" BOOLEAN) LANGUAGE plpgsql AS $$
DECLARE
  i INT;
  owning_batch UUID;
  counted "Batch";
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM 1 FROM "Batch" WHERE id IN (SELECT t."batchId" FROM "Target" t WHERE t.id = ANY(target_ids))
    ORDER BY id FOR NO KEY UPDATE;
  FOR i IN 1 .. coalesce(array_length(target_ids, 1), 0) LOOP
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
    RETURN NEXT;
  END LOOP;
END $$;
