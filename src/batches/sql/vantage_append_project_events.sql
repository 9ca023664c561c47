-- Appends to a project's event log what a change of one of its batches (a run) means: RUN_STARTED
-- when the batch is first announced, RUN_ENDED at a terminal status (with the changes its end
-- recorded, see vantage_append_run_events), and RUN_PROGRESS for every other change. A batch of
-- no project appends nothing.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
CREATE OR REPLACE FUNCTION "vantage_append_project_events"(batch_id UUID)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  run "Batch";
BEGIN
  SELECT * INTO run FROM "Batch" WHERE id = batch_id;
  IF run."projectId" IS NULL THEN RETURN; END IF;
  PERFORM "vantage_append_run_events"(run."projectId", jsonb_build_object(
    'kind', CASE
      WHEN run.sequence = 0 THEN 'RUN_STARTED'
      WHEN run.status IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN 'RUN_ENDED'
      ELSE 'RUN_PROGRESS' END,
    'runId', run.id, 'status', run.status, 'completedUrls', run."completedUrls", 'totalUrls', run."totalUrls"));
END $$;
