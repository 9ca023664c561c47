-- A RUNNING page whose worker is gone (found when a worker starts, e.g. after a crash or a
-- restart) is marked interrupted: it only waits for the queue to retry it, and clients say so
-- instead of "running" (Target.waitingForRetry). Starting it again clears the mark.
ALTER TABLE "Target" ADD COLUMN "interruptedAt" TIMESTAMPTZ(3);

CREATE OR REPLACE FUNCTION "vantage_start_targets"(channel TEXT, target_ids UUID[])
RETURNS SETOF "Target" LANGUAGE plpgsql AS $$
DECLARE
  started "Target";
BEGIN
  PERFORM "vantage_lock_batches_of"(target_ids);
  FOR started IN
    UPDATE "Target" SET status = 'RUNNING',
        attempts = attempts + CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END,
        "workerStops" = "workerStops" + CASE WHEN status = 'RUNNING' THEN 1 ELSE 0 END,
        "startedAt" = coalesce("startedAt", now()), error = NULL, "interruptedAt" = NULL
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

CREATE OR REPLACE FUNCTION "vantage_mark_interrupted_targets"(channel TEXT, claims INT)
RETURNS SETOF "Target" LANGUAGE plpgsql AS $$
DECLARE
  target_ids UUID[];
  marked "Target";
BEGIN
  target_ids := ARRAY(
    SELECT t.id FROM "Target" t
    WHERE t.status = 'RUNNING' AND t."interruptedAt" IS NULL AND NOT EXISTS (
      SELECT 1 FROM pg_locks l
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = claims::oid AND l.objid = hashtext(t."jobId"::text || ' 0')::oid));
  PERFORM "vantage_lock_batches_of"(target_ids);
  FOR marked IN
    UPDATE "Target" SET "interruptedAt" = now()
    WHERE id = ANY(target_ids) AND status = 'RUNNING' AND "interruptedAt" IS NULL
    RETURNING *
  LOOP
    UPDATE "Batch" SET sequence = sequence + 1 WHERE id = marked."batchId";
    PERFORM "vantage_announce_batch_change"(channel, marked."batchId", marked.id);
    RETURN NEXT marked;
  END LOOP;
END $$;
