-- Visibility audits append to their project's event log like batches: the log's writing moves to
-- vantage_append_run_events, which the batches' function now calls.

CREATE OR REPLACE FUNCTION "vantage_append_run_events"(project_id UUID, run_event JSONB)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  event JSONB;
  raised INT;
  payload TEXT;
BEGIN
  FOR event IN
    SELECT e FROM (
      SELECT run_event AS e, -1 AS position, '' AS kind, '' AS subject
      UNION ALL
      SELECT jsonb_build_object('kind', 'CHANGE_DETECTED', 'runId', c."runId", 'changeId', c.id), b.position, c.kind::text, c.subject
      FROM "ProjectChange" c JOIN "ProjectBrand" b ON b.id = c."brandId"
      WHERE run_event->>'kind' = 'RUN_ENDED' AND c."runId" = (run_event->>'runId')::uuid
    ) events ORDER BY position, kind, subject
  LOOP
    UPDATE "Project" SET "eventSequence" = "eventSequence" + 1 WHERE id = project_id RETURNING "eventSequence" INTO raised;
    payload := (event || jsonb_build_object('sequence', raised))::text;
    INSERT INTO "ProjectEvent" ("projectId", "sequence", "payload") VALUES (project_id, raised, payload);
    PERFORM pg_notify('vantage_project_events', project_id || ' ' || payload);
  END LOOP;
END $$;

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
