-- Marks interrupted the RUNNING targets whose job no worker holds: each worker holds a
-- session-level advisory lock on its job (namespace `claims`, key hashtext(job id || ' 0'), see
-- src/queue/jobClaims.ts) while it runs it, and a worker that dies loses its session and the
-- locks with it. Such a page only waits for the queue to retry the job, which notices the dead
-- worker's stopped heartbeat seconds later. The target stays RUNNING, so that its retry still
-- counts a worker stop (vantage_start_targets), which also clears the mark.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
