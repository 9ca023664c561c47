-- A page's runs are told apart, so that only a real failure of the page uses up one of its
-- attempts. A target is RUNNING only while a worker has it in hand: a run that fails and may be
-- tried again, or that a stopping worker hands back, puts it back to PENDING. Starting a target
-- that is still RUNNING therefore means the worker of its last run stopped (killed, or its claim
-- lost) before the page ended: that run is counted in "workerStops" and not as an attempt, and the
-- worker gives up on the page after a few of them (src/jobs/analyzeTarget.ts).
ALTER TABLE "Target" ADD COLUMN "workerStops" INTEGER NOT NULL DEFAULT 0;

-- Locks the batches of the given targets, in id order, as every writer does first.
-- (PL/pgSQL: PERFORM reads every row, where a SQL function would stop at the first.)
CREATE FUNCTION "vantage_lock_batches_of"(target_ids UUID[])
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Batch" WHERE id IN (SELECT "batchId" FROM "Target" WHERE id = ANY(target_ids))
    ORDER BY id FOR NO KEY UPDATE;
END $$;

-- As in target_transitions, but a target found RUNNING counts a worker stop instead of an attempt.
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
        "startedAt" = coalesce("startedAt", now()), error = NULL
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

-- Puts RUNNING targets back to PENDING for another run: after a failed attempt (attempted), or
-- when a stopping worker hands back the page it had in hand, whose run then does not count.
CREATE FUNCTION "vantage_release_targets"(channel TEXT, target_ids UUID[], attempted BOOLEAN)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  released "Target";
BEGIN
  PERFORM "vantage_lock_batches_of"(target_ids);
  FOR released IN
    UPDATE "Target" SET status = 'PENDING', attempts = attempts - CASE WHEN attempted THEN 0 ELSE 1 END
    WHERE id = ANY(target_ids) AND status = 'RUNNING'
    RETURNING *
  LOOP
    UPDATE "Batch" SET sequence = sequence + 1 WHERE id = released."batchId";
    PERFORM "vantage_announce_batch_change"(channel, released."batchId", released.id);
  END LOOP;
END $$;
