-- Appends one event of a project's run (a batch or a visibility audit) to the project's event
-- log: `run_event` ({kind, runId, status, ...}), then, when its kind is RUN_ENDED, one
-- CHANGE_DETECTED per change the run's end recorded (ProjectChange rows written earlier in the
-- same transaction), the project's own brand first. Each event raises Project.eventSequence, is
-- kept in ProjectEvent as the very text its NOTIFY carries (so a process that lost its LISTEN
-- connection catches up, src/events/watchProject.ts), and is NOTIFYed on vantage_project_events
-- as `<project id> <event as JSON>`.
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
