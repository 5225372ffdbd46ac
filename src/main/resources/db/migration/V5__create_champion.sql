-- Champion directory: champions, their platforms and skills, their activities, and the
-- requests of people who volunteer.
create sequence champion_seq increment by 50;
create sequence champion_activity_seq increment by 50;
create sequence champion_request_seq increment by 50;

create table champion (
    id                bigint       not null,
    person_id         bigint       not null,
    -- A copy of the person's name, email and department, kept by the PersonUpdated event, so
    -- that the directory searches and filters in one query.
    person_name       varchar(200) not null,
    person_email      varchar(254) not null,
    department_id     bigint,
    since             date         not null,
    status            varchar(10)  not null,
    pitch             varchar(600),
    open_to_mentoring boolean      not null default false,
    version           bigint       not null default 0,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint pk_champion primary key (id),
    constraint fk_champion_person foreign key (person_id) references person (id),
    constraint fk_champion_department foreign key (department_id) references department (id),
    constraint uk_champion_person unique (person_id),
    constraint ck_champion_status check (status in ('ACTIVE', 'PAUSED', 'ALUMNI'))
);
create index ix_champion_department on champion (department_id, status);
create index ix_champion_status on champion (status, person_name, id);
create index ix_champion_name on champion (person_name, id);
create index ix_champion_name_trgm on champion using gin (lower(person_name) gin_trgm_ops);

create table champion_platform (
    champion_id bigint      not null,
    platform    varchar(20) not null,
    constraint pk_champion_platform primary key (champion_id, platform),
    constraint fk_champion_platform_champion foreign key (champion_id) references champion (id) on delete cascade
);
create index ix_champion_platform_platform on champion_platform (platform, champion_id);

create table champion_skill (
    champion_id bigint      not null,
    skill       varchar(40) not null,
    constraint pk_champion_skill primary key (champion_id, skill),
    constraint fk_champion_skill_champion foreign key (champion_id) references champion (id) on delete cascade,
    constraint ck_champion_skill_normalized check (skill = lower(skill) and skill <> '')
);
create index ix_champion_skill_skill on champion_skill (skill, champion_id);
create index ix_champion_skill_trgm on champion_skill using gin (skill gin_trgm_ops);

create table champion_activity (
    id          bigint        not null,
    champion_id bigint        not null,
    -- The champion's department when the activity was logged: coverage counts it there, even
    -- after the champion moves to another department.
    department_id bigint,
    occurred_on date          not null,
    kind        varchar(20)   not null,
    description varchar(1000) not null,
    reach       integer,
    link        varchar(2000),
    recorded_by bigint        not null,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint pk_champion_activity primary key (id),
    constraint fk_champion_activity_champion foreign key (champion_id) references champion (id) on delete cascade,
    constraint fk_champion_activity_department foreign key (department_id) references department (id),
    constraint fk_champion_activity_recorded_by foreign key (recorded_by) references person (id),
    constraint ck_champion_activity_kind check (kind in ('SHARED_MESSAGE', 'TRAINING', 'MENTORING', 'EVENT', 'CONTENT', 'OTHER')),
    constraint ck_champion_activity_reach check (reach is null or reach >= 0),
    constraint ck_champion_activity_link check (link is null or link ~* '^https?://')
);
create index ix_champion_activity_champion on champion_activity (champion_id, occurred_on desc, id desc);
create index ix_champion_activity_occurred on champion_activity (occurred_on, champion_id);
create index ix_champion_activity_department on champion_activity (department_id, occurred_on);

create table champion_request (
    id                bigint       not null,
    person_id         bigint       not null,
    pitch             varchar(600),
    platforms         varchar(400) not null default '',
    skills            varchar(1000) not null default '',
    open_to_mentoring boolean      not null default false,
    status            varchar(10)  not null,
    decline_reason    varchar(600),
    decided_by        bigint,
    decided_at        timestamptz,
    version           bigint       not null default 0,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    constraint pk_champion_request primary key (id),
    constraint fk_champion_request_person foreign key (person_id) references person (id),
    constraint fk_champion_request_decided_by foreign key (decided_by) references person (id),
    constraint ck_champion_request_status check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    constraint ck_champion_request_declined check (status <> 'DECLINED' or decline_reason is not null)
);
-- One pending request per person at a time.
create unique index uk_champion_request_pending on champion_request (person_id) where status = 'PENDING';
create index ix_champion_request_status on champion_request (status, created_at);
