-- Locks the batches of the given targets, in id order, as every writer does first.
-- (PL/pgSQL: PERFORM reads every row, where a SQL function would stop at the first.)
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
CREATE OR REPLACE FUNCTION "vantage_lock_batches_of"(target_ids UUID[])
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Batch" WHERE id IN (SELECT "batchId" FROM "Target" WHERE id = ANY(target_ids))
    ORDER BY id FOR NO KEY UPDATE;
END $$;
