-- Helpful marks read from a summary instead of counted on every visit to the agenda: per
-- department and day, the marks its people gave in the 90 days up to and including the day (days in
-- the application's time zone, waterhole.time-zone, given as the zone placeholder; the connection's,
-- which is the JVM's, when that is not set). Named marks and those folded into counts both count,
-- so folding (which deletes named marks and adds their counts) leaves every figure as it was.
-- Triggers keep it, whoever writes the marks or the counts (a mark given or taken back, a fold, an
-- erasure, a case study deleted, a bulk COPY): each statement adds or takes away its marks on the
-- 90 days they count for. A day without a row had no mark.
create table department_helpful_day (
    department_id bigint  not null,
    day           date    not null,
    marks         integer not null,
    constraint pk_department_helpful_day primary key (day, department_id),
    constraint fk_department_helpful_day_department foreign key (department_id) references department (id),
    constraint ck_department_helpful_day_marks check (marks >= 0)
);

-- Adds marks given per department and day (taken back: below zero) to the 90 days each counts for.
-- Marks taken back update the rows that counted them; a check constraint is tested before an insert
-- meets its conflict, so only days that gained marks are inserted.
create function add_department_helpful_days(departments bigint[], days date[], marks bigint[]) returns void
language sql as $$
  update department_helpful_day h set marks = h.marks + c.marks
  from (select c.department_id, g.day::date as day, sum(c.marks) as marks
        from unnest(departments, days, marks) as c(department_id, day, marks)
        cross join lateral generate_series(c.day::timestamp, (c.day + 89)::timestamp, interval '1 day') as g(day)
        group by c.department_id, g.day) c
  where c.marks < 0 and h.department_id = c.department_id and h.day = c.day;
  insert into department_helpful_day (department_id, day, marks)
  select c.department_id, g.day::date, sum(c.marks)
  from unnest(departments, days, marks) as c(department_id, day, marks)
  cross join lateral generate_series(c.day::timestamp, (c.day + 89)::timestamp, interval '1 day') as g(day)
  group by c.department_id, g.day
  having sum(c.marks) > 0
  on conflict (day, department_id) do update set marks = department_helpful_day.marks + excluded.marks
$$;

-- A statement's named marks: those it inserted count, those it deleted are taken back. Only the
-- transition tables of the statement's kind exist; each query is planned only when its branch runs.
create function keep_department_helpful_day_from_marks() returns trigger language plpgsql as $$
declare
  zone text := coalesce(nullif('${zone}', ''), current_setting('TimeZone'));
begin
  if TG_OP in ('INSERT', 'UPDATE') then
    perform add_department_helpful_days(array_agg(department_id), array_agg(day), array_agg(marks))
    from (select department_id, (marked_at at time zone zone)::date as day, count(*) as marks from new_rows
          where department_id is not null group by 1, 2) c;
  end if;
  if TG_OP in ('DELETE', 'UPDATE') then
    perform add_department_helpful_days(array_agg(department_id), array_agg(day), array_agg(marks))
    from (select department_id, (marked_at at time zone zone)::date as day, -count(*) as marks from old_rows
          where department_id is not null group by 1, 2) c;
  end if;
  return null;
end $$;

-- A statement's marks folded into counts, the same way.
create function keep_department_helpful_day_from_counts() returns trigger language plpgsql as $$
begin
  if TG_OP in ('INSERT', 'UPDATE') then
    perform add_department_helpful_days(array_agg(department_id), array_agg(day), array_agg(marks))
    from (select department_id, day, sum(helpful) as marks from new_rows
          where department_id is not null and helpful > 0 group by 1, 2) c;
  end if;
  if TG_OP in ('DELETE', 'UPDATE') then
    perform add_department_helpful_days(array_agg(department_id), array_agg(day), array_agg(marks))
    from (select department_id, day, -sum(helpful) as marks from old_rows
          where department_id is not null and helpful > 0 group by 1, 2) c;
  end if;
  return null;
end $$;

create trigger keep_department_helpful_day_on_insert after insert on case_study_helpful
  referencing new table as new_rows for each statement execute function keep_department_helpful_day_from_marks();
create trigger keep_department_helpful_day_on_update after update on case_study_helpful
  referencing old table as old_rows new table as new_rows
  for each statement execute function keep_department_helpful_day_from_marks();
create trigger keep_department_helpful_day_on_delete after delete on case_study_helpful
  referencing old table as old_rows for each statement execute function keep_department_helpful_day_from_marks();
create trigger keep_department_helpful_day_on_insert after insert on case_study_reading_count
  referencing new table as new_rows for each statement execute function keep_department_helpful_day_from_counts();
create trigger keep_department_helpful_day_on_update after update on case_study_reading_count
  referencing old table as old_rows new table as new_rows
  for each statement execute function keep_department_helpful_day_from_counts();
create trigger keep_department_helpful_day_on_delete after delete on case_study_reading_count
  referencing old table as old_rows for each statement execute function keep_department_helpful_day_from_counts();

-- The marks given so far, named and folded.
select add_department_helpful_days(array_agg(department_id), array_agg(day), array_agg(marks))
from (select department_id, day, sum(marks)::bigint as marks from (
        select department_id, (marked_at at time zone coalesce(nullif('${zone}', ''), current_setting('TimeZone')))::date as day,
          count(*) as marks
        from case_study_helpful where department_id is not null group by 1, 2
        union all
        select department_id, day, sum(helpful) from case_study_reading_count
        where department_id is not null and helpful > 0 group by 1, 2) m
      group by 1, 2) c;

-- The running experiments past their planned end (the agenda's), from the index alone.
create index ix_experiment_running_end on experiment (planned_end, id) include (title, department_id)
    where status = 'RUNNING';
