-- Marks the PENDING or RUNNING ones of the given targets RUNNING (their batches RUNNING too) and
-- returns them; targets gone or no longer unfinished are left out. A target found PENDING starts
-- one more attempt; one found RUNNING means the worker of its last run stopped (killed, or its
-- claim lost) before the page ended: that run counts as a worker stop, not as an attempt. A target
-- marked interrupted (vantage_mark_interrupted_targets) is no longer waiting once it starts.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
