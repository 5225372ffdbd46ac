-- Adoption: the append-only history of each department's adoption (stage changes, milestones,
-- objections, notes) and what the other modules reported, recorded from their events, so that
-- the timeline is one query. Nothing here is ever updated or deleted.
create table adoption_event (
    id                 bigint generated always as identity,
    occurred_on        date          not null,
    kind               varchar(30)   not null,
    -- The departments the event is about: one for a stage change, several for a case study
    -- relevant to several, none for one relevant to the whole organisation.
    department_ids     bigint[]      not null default '{}',
    title              varchar(300)  not null,
    details            varchar(4000),
    from_stage         varchar(20),
    to_stage           varchar(20),
    objection_category varchar(20),
    outcome            varchar(20),
    -- The objection this event answers (a note, milestone or stage change of the same
    -- department); an objection nobody answered is open.
    answers_id         bigint,
    -- The case study, experiment or champion another module's event was about, and a key for
    -- that report ("experiment-started:12"), so that a retried delivery is recorded once; null
    -- for what people record.
    subject_id         bigint,
    -- The subject's sequence (its version after the change) at the report: a later change has a
    -- greater one, whatever order the reports arrive in.
    subject_sequence   bigint,
    -- For a champion's report: the department they are active in afterwards (none once they left).
    champion_department_id bigint,
    source_key         varchar(120),
    recorded_by        bigint,
    recorded_at        timestamptz   not null default now(),
    constraint pk_adoption_event primary key (id),
    constraint ck_adoption_event_kind check (kind in ('STAGE_CHANGE', 'MILESTONE', 'OBJECTION', 'NOTE',
        'CASE_STUDY_PUBLISHED', 'EXPERIMENT_STARTED', 'EXPERIMENT_COMPLETED', 'EXPERIMENT_ABANDONED',
        'EXPERIMENT_RUN_CORRECTED', 'CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')),
    constraint ck_adoption_event_stage check (kind <> 'STAGE_CHANGE'
        or (to_stage is not null and cardinality(department_ids) = 1)),
    constraint ck_adoption_event_objection check (kind <> 'OBJECTION' or objection_category is not null),
    constraint ck_adoption_event_answer check (answers_id is null or kind in ('STAGE_CHANGE', 'MILESTONE', 'NOTE')),
    constraint fk_adoption_event_recorded_by foreign key (recorded_by) references person (id),
    constraint fk_adoption_event_answers foreign key (answers_id) references adoption_event (id)
);
create unique index uk_adoption_event_source on adoption_event (source_key);
create index ix_adoption_event_timeline on adoption_event (occurred_on desc, id desc);
create index ix_adoption_event_departments on adoption_event using gin (department_ids);
create index ix_adoption_event_stage on adoption_event ((department_ids[1]), occurred_on desc, id desc)
    where kind = 'STAGE_CHANGE';
create index ix_adoption_event_kind on adoption_event (kind, occurred_on desc);
create index ix_adoption_event_answers on adoption_event (answers_id) where answers_id is not null;
create index ix_adoption_event_subject on adoption_event (subject_id, kind) where subject_id is not null;
-- Champion coverage on a day: each champion's latest report until then.
create index ix_adoption_event_champion on adoption_event (subject_id, subject_sequence desc, occurred_on)
    include (kind, champion_department_id)
    where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED');

-- The history is append-only in the database too: no update or delete gets through.
create function adoption_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'adoption events are append-only: record a new event instead'
        using errcode = 'restrict_violation';
end
$$;
create trigger adoption_event_append_only before update or delete on adoption_event
    for each row execute function adoption_event_append_only();
create trigger adoption_event_no_truncate before truncate on adoption_event
    for each statement execute function adoption_event_append_only();

-- Each experiment's run as last reported (started, ended, outcome), kept from the experiment
-- module's events for the dashboard's figures; a report with a lower sequence than the one
-- kept changes nothing.
create table adoption_experiment (
    experiment_id bigint      not null,
    department_id bigint      not null,
    started_on    date,
    ended_on      date,
    outcome       varchar(20),
    abandoned     boolean     not null default false,
    sequence      bigint      not null,
    constraint pk_adoption_experiment primary key (experiment_id)
);
create index ix_adoption_experiment_started on adoption_experiment (started_on, department_id);
create index ix_adoption_experiment_ended on adoption_experiment (ended_on, department_id) where outcome is not null;
