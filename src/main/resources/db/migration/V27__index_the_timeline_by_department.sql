-- The timeline narrowed to departments, from an index alone: one row per event and department it
-- concerns, with the event's day and kind. Events are never updated or deleted (see V6), so a row
-- written when the event is inserted stays true; the trigger writes it for every way an event is
-- inserted (the recorder, the import of reports, bulk loads).
create table adoption_event_department (
    department_id bigint      not null,
    occurred_on   date        not null,
    event_id      bigint      not null,
    kind          varchar(30) not null,
    constraint pk_adoption_event_department primary key (department_id, occurred_on, event_id),
    constraint fk_adoption_event_department_event foreign key (event_id) references adoption_event (id)
);

create index ix_adoption_event_department_event on adoption_event_department (event_id);

create function adoption_event_departments() returns trigger language plpgsql as $$
begin
  insert into adoption_event_department (department_id, occurred_on, event_id, kind)
  select distinct d, new.occurred_on, new.id, new.kind from unnest(new.department_ids) as d;
  return null;
end
$$;

create trigger adoption_event_departments after insert on adoption_event
    for each row execute function adoption_event_departments();

insert into adoption_event_department (department_id, occurred_on, event_id, kind)
select distinct d, e.occurred_on, e.id, e.kind from adoption_event e, unnest(e.department_ids) as d;

-- The case studies relevant to everyone, on every department's timeline.
create index ix_adoption_event_everyone on adoption_event (occurred_on desc, id desc)
    where kind = 'CASE_STUDY_PUBLISHED' and cardinality(department_ids) = 0;
