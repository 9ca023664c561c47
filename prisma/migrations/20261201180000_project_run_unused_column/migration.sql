-- ProjectRun.scheduled was never set (nothing on a batch says the schedule started it) nor read.
ALTER TABLE "ProjectRun" DROP COLUMN "scheduled";
