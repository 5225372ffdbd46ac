-- Who opened a list that names people next to what they read (the keen readers of a department's
-- next steps, say), when, and for which department or case study; or the copy of a person's data
-- (person_id: whose), which names what they read. Kept as long as named readings are
-- (waterhole.privacy.named-readings), then deleted by a nightly job.
create table reader_list_view (
    id            bigint generated always as identity,
    viewer_id     bigint      not null,
    viewed_at     timestamptz not null,
    department_id bigint,
    case_study_id bigint,
    person_id     bigint,
    constraint pk_reader_list_view primary key (id),
    constraint fk_reader_list_view_viewer foreign key (viewer_id) references person (id),
    constraint fk_reader_list_view_department foreign key (department_id) references department (id) on delete cascade,
    constraint fk_reader_list_view_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint fk_reader_list_view_person foreign key (person_id) references person (id),
    constraint ck_reader_list_view_what check (num_nonnulls(department_id, case_study_id, person_id) = 1)
);

-- The log newest first, and the nightly purge of the oldest.
create index ix_reader_list_view_viewed_at on reader_list_view (viewed_at desc, id desc);
