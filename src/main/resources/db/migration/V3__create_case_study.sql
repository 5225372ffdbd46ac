-- Case-study library: case studies, their platforms, tags and departments, readings and
-- helpful marks.
create sequence case_study_seq increment by 50;

create table case_study (
    id            bigint        not null,
    title         varchar(200)  not null,
    summary       varchar(1000) not null,
    body          text          not null,
    -- The body as plain text (Markdown rendered and stripped), kept by the application for
    -- search and snippets.
    body_text     text          not null default '',
    key_findings  text,
    source_name   varchar(200)  not null,
    source_url    varchar(2000),
    published_on  date,
    evidence_type varchar(30)   not null,
    status        varchar(20)   not null,
    review_by     date,
    author_id     bigint        not null,
    published_at  timestamptz,
    helpful_count integer       not null default 0,
    version       bigint        not null default 0,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    search_vector tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(key_findings, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body_text, '')), 'C')
    ) stored,
    constraint pk_case_study primary key (id),
    constraint fk_case_study_author foreign key (author_id) references person (id),
    constraint ck_case_study_status check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint ck_case_study_evidence_type check (evidence_type in
        ('RESEARCH_STUDY', 'INDUSTRY_REPORT', 'PEER_CASE_STUDY', 'INTERNAL_RESULT', 'NEWS_ARTICLE')),
    constraint ck_case_study_source_url check (source_url is null or source_url ~* '^https?://'),
    constraint ck_case_study_published check (status = 'DRAFT' or published_at is not null),
    constraint ck_case_study_helpful_count check (helpful_count >= 0)
);
create index ix_case_study_search on case_study using gin (search_vector);
create index ix_case_study_published on case_study (status, published_at desc, id);
create index ix_case_study_helpful on case_study (status, helpful_count desc, published_at desc, id);
create index ix_case_study_published_on on case_study (published_on);
create index ix_case_study_review on case_study (review_by) where status = 'PUBLISHED';

create table case_study_platform (
    case_study_id bigint      not null,
    platform      varchar(20) not null,
    constraint pk_case_study_platform primary key (case_study_id, platform),
    constraint fk_case_study_platform_case_study foreign key (case_study_id) references case_study (id) on delete cascade
);
create index ix_case_study_platform_platform on case_study_platform (platform, case_study_id);

create table case_study_tag (
    case_study_id bigint      not null,
    tag           varchar(40) not null,
    constraint pk_case_study_tag primary key (case_study_id, tag),
    constraint fk_case_study_tag_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint ck_case_study_tag_normalized check (tag = lower(tag) and tag <> '')
);
create index ix_case_study_tag_tag on case_study_tag (tag, case_study_id);

create table case_study_department (
    case_study_id bigint not null,
    department_id bigint not null,
    constraint pk_case_study_department primary key (case_study_id, department_id),
    constraint fk_case_study_department_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint fk_case_study_department_department foreign key (department_id) references department (id)
);
create index ix_case_study_department_department on case_study_department (department_id, case_study_id);

-- One row per reading; a reload by the same person within 30 minutes is not a new reading.
-- The reader's department is kept as it was at the time of reading.
create table case_study_reading (
    id            bigint generated always as identity,
    case_study_id bigint      not null,
    person_id     bigint      not null,
    department_id bigint,
    read_at       timestamptz not null,
    constraint pk_case_study_reading primary key (id),
    constraint fk_case_study_reading_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint fk_case_study_reading_person foreign key (person_id) references person (id),
    constraint fk_case_study_reading_department foreign key (department_id) references department (id)
);
create index ix_case_study_reading_case_study on case_study_reading (case_study_id, department_id);
create index ix_case_study_reading_person on case_study_reading (person_id, case_study_id, read_at desc);
create index ix_case_study_reading_department on case_study_reading (department_id, read_at);
-- Who read anything in a period (education reach), without visiting the table.
create index ix_case_study_reading_time on case_study_reading (read_at) include (person_id);

-- One helpful mark per person and case study.
create table case_study_helpful (
    case_study_id bigint      not null,
    person_id     bigint      not null,
    department_id bigint,
    marked_at     timestamptz not null,
    constraint pk_case_study_helpful primary key (case_study_id, person_id),
    constraint fk_case_study_helpful_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint fk_case_study_helpful_person foreign key (person_id) references person (id),
    constraint fk_case_study_helpful_department foreign key (department_id) references department (id)
);
create index ix_case_study_helpful_person on case_study_helpful (person_id);
