-- The playbook: a suggestion the strategist dismissed for a department, with the reason and the
-- figures it was made on; it stays dismissed while they stay the same. One per department and rule:
-- dismissing again replaces it.
create table playbook_dismissal (
    department_id bigint       not null,
    rule          varchar(30)  not null,
    signals       varchar(200) not null,
    reason        varchar(300) not null,
    dismissed_by  bigint       not null,
    dismissed_at  timestamptz  not null default now(),
    constraint pk_playbook_dismissal primary key (department_id, rule),
    constraint fk_playbook_dismissal_department foreign key (department_id) references department (id) on delete cascade,
    constraint fk_playbook_dismissal_person foreign key (dismissed_by) references person (id),
    constraint ck_playbook_dismissal_rule check (rule in
        ('ANSWER_OBJECTION', 'RECRUIT_CHAMPION', 'PROPOSE_EXPERIMENT', 'SHARE_CASE_STUDIES', 'CHECK_IN'))
);

-- A department's helpful marks in a period (the readiness score), as its readings already are.
create index ix_case_study_helpful_department on case_study_helpful (department_id, marked_at);

-- A department's experiments (the readiness score reads them for each department and day).
create index ix_adoption_experiment_department on adoption_experiment (department_id);

-- A department's readers in a period, counted from the index alone (the readiness score asks for
-- every department at once): the same columns, with the reader.
drop index ix_case_study_reading_department;
create index ix_case_study_reading_department on case_study_reading (department_id, read_at) include (person_id);
