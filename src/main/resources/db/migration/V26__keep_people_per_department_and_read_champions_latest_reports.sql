-- Each department's people (its current members: not erased) kept beside the people, so that the
-- dashboard, the agenda and the comparison read 120 rows instead of counting 25,000 people on
-- every request. The table is kept by a trigger on person, in the transaction that writes the
-- person, whichever way it is written (a form, an import, a sign-in, an erasure, a bulk COPY).
-- A department without a row, or with 0, has nobody.
create table department_people (
    department_id bigint  not null,
    people        integer not null,
    constraint pk_department_people primary key (department_id),
    constraint fk_department_people_department foreign key (department_id) references department (id),
    constraint ck_department_people_people check (people >= 0)
);

insert into department_people (department_id, people)
select department_id, count(*) from person
where department_id is not null and erased_at is null
group by department_id;

-- A person counts in their department while they are not erased. A move takes one from the old
-- department and adds one to the new, the lower id first (two moves the other way round then
-- wait for each other instead of deadlocking).
create function count_department_people() returns trigger language plpgsql as $$
declare
  gone bigint;
  came bigint;
  change record;
begin
  if tg_op in ('UPDATE', 'DELETE') and old.erased_at is null then
    gone := old.department_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.erased_at is null then
    came := new.department_id;
  end if;
  if gone is not distinct from came then
    return null;
  end if;
  -- An insert of -1 would fail the check before it met the row it conflicts with: a leaving
  -- person updates their department's row, which is there since they were counted in it.
  for change in
    select department_id, delta from (values (gone, -1), (came, 1)) as c(department_id, delta)
    where department_id is not null order by department_id
  loop
    if change.delta < 0 then
      update department_people set people = people - 1 where department_id = change.department_id;
    else
      insert into department_people (department_id, people) values (change.department_id, 1)
      on conflict (department_id) do update set people = department_people.people + 1;
    end if;
  end loop;
  return null;
end
$$;

create trigger person_counts_in_department
after insert or delete or update of department_id, erased_at on person
for each row execute function count_department_people();

-- The champions' latest reports until a day (the dashboard's coverage, the playbook's active
-- champions): read in the order they are asked for, from the index alone.
drop index ix_adoption_event_champion;
create index ix_adoption_event_champion on adoption_event (subject_id, subject_sequence desc, id desc)
    include (occurred_on, champion_department_id)
    where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED');
