-- The page start and finish functions (target_transitions) commit like every other transaction
-- again: with a WAL flush. They NOTIFY in the same transaction, and a change a listener has heard
-- must survive a PostgreSQL crash; committed without the flush, an immediate restart undid changes
-- subscribers had been told of (progress went back, and a sequence number was reused for another
-- state). A worker's group commit (src/jobs/coalesce.ts) still writes several pages per statement,
-- and so per flush.
--
-- A SET clause confines the functions' own set_config('synchronous_commit', 'off', true) to the
-- call: the setting in force before it is restored when the function returns, so the commit uses
-- the session's (by default, on).
ALTER FUNCTION "vantage_start_targets"(TEXT, UUID[]) SET synchronous_commit = on;
ALTER FUNCTION "vantage_finish_targets"(TEXT, UUID[], TEXT[], JSONB[]) SET synchronous_commit = on;
