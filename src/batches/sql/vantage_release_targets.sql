-- Puts RUNNING targets back to PENDING for another run: after a failed attempt (attempted), or
-- when a stopping worker hands back the page it had in hand, whose run then does not count.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
CREATE OR REPLACE FUNCTION "vantage_release_targets"(channel TEXT, target_ids UUID[], attempted BOOLEAN)
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
