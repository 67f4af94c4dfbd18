CREATE TABLE "scheduled_runs" (
	"task" text NOT NULL,
	"run_on" date NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	CONSTRAINT "scheduled_runs_task_run_on_pk" PRIMARY KEY("task","run_on")
);
