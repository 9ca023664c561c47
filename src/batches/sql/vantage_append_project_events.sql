-- Appends to a project's event log what a change of one of its batches (a run) means: RUN_STARTED
-- when the batch is first announced, RUN_ENDED at a terminal status, then one CHANGE_DETECTED per
-- change its end recorded (ProjectChange rows written earlier in the same transaction), and
-- RUN_PROGRESS for every other change. Each event raises Project.eventSequence, is kept in
-- ProjectEvent as the very text its NOTIFY carries (so a process that lost its LISTEN connection
-- catches up, src/events/watchProject.ts), and is NOTIFYed on vantage_project_events as
-- `<project id> <event as JSON>`. A batch of no project appends nothing.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
CREATE OR REPLACE FUNCTION "vantage_append_project_events"(batch_id UUID)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  run "Batch";
  run_kind TEXT;
  event JSONB;
  raised INT;
  payload TEXT;
BEGIN
  SELECT * INTO run FROM "Batch" WHERE id = batch_id;
  IF run."projectId" IS NULL THEN RETURN; END IF;
  run_kind := CASE
    WHEN run.sequence = 0 THEN 'RUN_STARTED'
    WHEN run.status IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN 'RUN_ENDED'
    ELSE 'RUN_PROGRESS' END;
  FOR event IN
    SELECT e FROM (
      SELECT jsonb_build_object('kind', run_kind, 'runId', run.id, 'status', run.status, 'completedUrls', run."completedUrls",
          'totalUrls', run."totalUrls") AS e, -1 AS position, '' AS kind, '' AS subject
      UNION ALL
      SELECT jsonb_build_object('kind', 'CHANGE_DETECTED', 'runId', run.id, 'changeId', c.id), b.position, c.kind::text, c.subject
      FROM "ProjectChange" c JOIN "ProjectBrand" b ON b.id = c."brandId"
      WHERE run_kind = 'RUN_ENDED' AND c."runId" = run.id
    ) events ORDER BY position, kind, subject
  LOOP
    UPDATE "Project" SET "eventSequence" = "eventSequence" + 1 WHERE id = run."projectId" RETURNING "eventSequence" INTO raised;
    payload := (event || jsonb_build_object('sequence', raised))::text;
    INSERT INTO "ProjectEvent" ("projectId", "sequence", "payload") VALUES (run."projectId", raised, payload);
    PERFORM pg_notify('vantage_project_events', run."projectId" || ' ' || payload);
  END LOOP;
END $$;
