-- The dashboard's experiment figures read only the runs they count: those running on a day, found
-- as the day within the run's dates (a run ends on the day after its last; an open run has no
-- end), and those that ended with an outcome within a range, read from the index alone. Runs
-- with no start, or dates the wrong way round, are never running and are left out of the first
-- index (their range could not be made).
drop index ix_adoption_experiment_started;
drop index ix_adoption_experiment_ended;
create index ix_adoption_experiment_running on adoption_experiment
    using gist (daterange(started_on, ended_on, '[)')) where started_on <= coalesce(ended_on, started_on);
create index ix_adoption_experiment_completed on adoption_experiment (ended_on) include (department_id, outcome)
    where outcome is not null;
