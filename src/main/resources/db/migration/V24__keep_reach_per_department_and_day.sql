-- Education reach read from a summary instead of counting distinct readers on every page: per
-- department and day, the people who read a case study in that department in the 90 days up to
-- and including the day (days in the application's time zone, waterhole.time-zone, given as the
-- zone placeholder; the connection's, which is the JVM's, when that is not set). Named and folded readings both
-- count, so folding (which deletes named readings) changes nothing here. Recording a reading adds
-- the person to the days whose 90 days it enters and no other reading of theirs already covers.
-- A day without a row had no reader.
create table department_reach_day (
    department_id bigint  not null,
    day           date    not null,
    readers       integer not null,
    constraint pk_department_reach_day primary key (day, department_id),
    constraint fk_department_reach_day_department foreign key (department_id) references department (id),
    constraint ck_department_reach_day_readers check (readers > 0)
);

-- Each person-day (named, or folded into reading_day_count) stands for the days from itself to the
-- day before the person's next day in the department, at most 90 days: counted as +readers on its
-- day and -readers after its last day, then added up day by day.
insert into department_reach_day (department_id, day, readers)
with person_days as (
  select distinct department_id, person_id, (read_at at time zone coalesce(nullif('${zone}', ''), current_setting('TimeZone')))::date as day
  from case_study_reading where department_id is not null),
spans as (
  select department_id, day, lead(day) over (partition by person_id, department_id order by day) as next_day,
    1 as readers
  from person_days
  union all
  select department_id, day, next_day, readers from reading_day_count where department_id is not null),
changes as (
  select department_id, day, sum(change) as change from (
    select department_id, day, readers as change from spans
    union all
    select department_id, least(day + 90, coalesce(next_day, day + 90)), -readers from spans) c
  group by department_id, day),
running as (
  select department_id, day, lead(day) over (partition by department_id order by day) as until,
    sum(change) over (partition by department_id order by day) as readers
  from changes)
select department_id, g.day::date, readers
from running cross join lateral generate_series(running.day::timestamp, (running.until - 1)::timestamp, interval '1 day') as g(day)
where readers > 0;

-- The champions some report placed in given departments by a day (the playbook's signals).
create index ix_adoption_event_champion_department on adoption_event (champion_department_id, occurred_on)
    include (subject_id)
    where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED');
-- A department's champion reports until a day: those of its champions' events alone.
create index ix_adoption_event_champion_departments on adoption_event using gin (department_ids)
    where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED');
-- The dashboard's objections of a range and their first answers, from the indexes alone.
create index ix_adoption_event_objections on adoption_event (occurred_on) include (id, objection_category, department_ids)
    where kind = 'OBJECTION';
drop index ix_adoption_event_answers;
create index ix_adoption_event_answers on adoption_event (answers_id, occurred_on, id) include (answered_with)
    where answers_id is not null;
