-- What answered an objection: the answering event (a note, milestone or stage change with
-- answers_id) may name the case study, champion or experiment that did it. The history stays
-- append-only: these are set when the event is recorded, like the rest of it.
alter table adoption_event
    add column answered_with    varchar(20),
    add column answered_with_id bigint,
    add constraint ck_adoption_event_answered_with_kind
        check (answered_with in ('CASE_STUDY', 'CHAMPION', 'EXPERIMENT')),
    add constraint ck_adoption_event_answered_with_both
        check ((answered_with is null) = (answered_with_id is null)),
    add constraint ck_adoption_event_answered_with_answer
        check (answered_with is null or answers_id is not null);
