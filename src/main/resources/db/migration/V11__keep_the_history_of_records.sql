-- History (Hibernate Envers): every change to a case study, an experiment or one of its
-- measurements, a champion, a department, a person or an account is a revision (when, and who:
-- no author means the system), and each changed record leaves a copy of its audited columns as
-- they became in <table>_aud, with revtype 0 (created), 1 (changed) or 2 (deleted, with the last
-- values). Element collections (platforms, tags, departments, skills, linked case studies) keep
-- each element added (0) or removed (2). Records that existed before this migration have no
-- revision until their first change. Audit rows keep no constraint but their keys: a record's
-- history outlives the record and the values it allowed.
-- One at a time (not cached by 50), so that revision numbers follow the order of the changes
-- across every instance of the application: the history orders and pages by them.
create sequence revision_seq;

create table revision (
    id           bigint       not null,
    changed_at   timestamptz  not null,
    -- Who made the change, as they were named then; both null for the system.
    author_email varchar(254),
    author_name  varchar(200),
    constraint pk_revision primary key (id)
);

-- Organisation
create table department_aud (
    id          bigint        not null,
    rev         bigint        not null,
    revtype     smallint,
    name        varchar(120),
    description varchar(2000),
    headcount   integer,
    constraint pk_department_aud primary key (id, rev),
    constraint fk_department_aud_revision foreign key (rev) references revision (id)
);

create table person_aud (
    id            bigint       not null,
    rev           bigint       not null,
    revtype       smallint,
    name          varchar(200),
    email         varchar(254),
    job_title     varchar(200),
    department_id bigint,
    constraint pk_person_aud primary key (id, rev),
    constraint fk_person_aud_revision foreign key (rev) references revision (id)
);

-- The password hash and the last sign-in are not kept.
create table account_aud (
    id        bigint      not null,
    rev       bigint      not null,
    revtype   smallint,
    person_id bigint,
    role      varchar(20),
    enabled   boolean,
    constraint pk_account_aud primary key (id, rev),
    constraint fk_account_aud_revision foreign key (rev) references revision (id)
);

-- Case studies: the body as written (its plain text and the helpful count are derived).
create table case_study_aud (
    id            bigint        not null,
    rev           bigint        not null,
    revtype       smallint,
    title         varchar(200),
    summary       varchar(1000),
    body          text,
    key_findings  text,
    source_name   varchar(200),
    source_url    varchar(2000),
    published_on  date,
    evidence_type varchar(30),
    status        varchar(20),
    review_by     date,
    author_id     bigint,
    published_at  timestamptz,
    constraint pk_case_study_aud primary key (id, rev),
    constraint fk_case_study_aud_revision foreign key (rev) references revision (id)
);

create table case_study_platform_aud (
    case_study_id bigint      not null,
    rev           bigint      not null,
    platform      varchar(20) not null,
    revtype       smallint,
    constraint pk_case_study_platform_aud primary key (case_study_id, rev, platform),
    constraint fk_case_study_platform_aud_revision foreign key (rev) references revision (id)
);

create table case_study_tag_aud (
    case_study_id bigint      not null,
    rev           bigint      not null,
    tag           varchar(40) not null,
    revtype       smallint,
    constraint pk_case_study_tag_aud primary key (case_study_id, rev, tag),
    constraint fk_case_study_tag_aud_revision foreign key (rev) references revision (id)
);

create table case_study_department_aud (
    case_study_id bigint not null,
    rev           bigint not null,
    department_id bigint not null,
    revtype       smallint,
    constraint pk_case_study_department_aud primary key (case_study_id, rev, department_id),
    constraint fk_case_study_department_aud_revision foreign key (rev) references revision (id)
);

-- Experiments (the ICE score is derived) and their measurements, each measurement a record of
-- its own, found by its experiment.
create table experiment_aud (
    id                   bigint        not null,
    rev                  bigint        not null,
    revtype              smallint,
    title                varchar(200),
    hypothesis           varchar(4000),
    department_id        bigint,
    platform             varchar(20),
    owner_id             bigint,
    status               varchar(20),
    impact               integer,
    confidence           integer,
    ease                 integer,
    planned_start        date,
    planned_end          date,
    actual_start         date,
    actual_end           date,
    metric_name          varchar(120),
    metric_unit          varchar(40),
    baseline             numeric(18, 4),
    target               numeric(18, 4),
    direction            varchar(4),
    outcome              varchar(20),
    learnings            varchar(8000),
    abandon_reason       varchar(2000),
    result_case_study_id bigint,
    constraint pk_experiment_aud primary key (id, rev),
    constraint fk_experiment_aud_revision foreign key (rev) references revision (id)
);

create table experiment_case_study_aud (
    experiment_id bigint not null,
    rev           bigint not null,
    case_study_id bigint not null,
    revtype       smallint,
    constraint pk_experiment_case_study_aud primary key (experiment_id, rev, case_study_id),
    constraint fk_experiment_case_study_aud_revision foreign key (rev) references revision (id)
);

create table experiment_measurement_aud (
    id            bigint         not null,
    rev           bigint         not null,
    revtype       smallint,
    experiment_id bigint,
    measured_on   date,
    value         numeric(18, 4),
    note          varchar(500),
    constraint pk_experiment_measurement_aud primary key (id, rev),
    constraint fk_experiment_measurement_aud_revision foreign key (rev) references revision (id)
);
-- An experiment's history reads its measurements' revisions, newest first.
create index ix_experiment_measurement_aud_experiment on experiment_measurement_aud (experiment_id, rev desc);

-- Champions: the copy of the person's name, email and department is the person's history.
create table champion_aud (
    id                bigint      not null,
    rev               bigint      not null,
    revtype           smallint,
    person_id         bigint,
    since             date,
    status            varchar(10),
    pitch             varchar(600),
    open_to_mentoring boolean,
    constraint pk_champion_aud primary key (id, rev),
    constraint fk_champion_aud_revision foreign key (rev) references revision (id)
);

create table champion_platform_aud (
    champion_id bigint      not null,
    rev         bigint      not null,
    platform    varchar(20) not null,
    revtype     smallint,
    constraint pk_champion_platform_aud primary key (champion_id, rev, platform),
    constraint fk_champion_platform_aud_revision foreign key (rev) references revision (id)
);

create table champion_skill_aud (
    champion_id bigint      not null,
    rev         bigint      not null,
    skill       varchar(40) not null,
    revtype     smallint,
    constraint pk_champion_skill_aud primary key (champion_id, rev, skill),
    constraint fk_champion_skill_aud_revision foreign key (rev) references revision (id)
);
