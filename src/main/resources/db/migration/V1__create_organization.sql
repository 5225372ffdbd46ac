-- Organisation: departments, people, accounts.
create extension if not exists pg_trgm;

create sequence department_seq increment by 50;
create sequence person_seq increment by 50;
create sequence account_seq increment by 50;

create table department (
    id          bigint        not null,
    name        varchar(120)  not null,
    description varchar(2000),
    headcount   integer,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint pk_department primary key (id),
    constraint ck_department_headcount check (headcount is null or headcount >= 0)
);
-- Names are unique whatever their case: "Library" and "library" are one department.
create unique index uk_department_name on department (lower(name));

create table person (
    id            bigint       not null,
    name          varchar(200) not null,
    email         varchar(254) not null,
    job_title     varchar(200),
    department_id bigint,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint pk_person primary key (id),
    constraint fk_person_department foreign key (department_id) references department (id),
    -- Emails are kept in lower case so that uniqueness is case-insensitive.
    constraint ck_person_email_lower_case check (email = lower(email)),
    constraint uk_person_email unique (email)
);
create index ix_person_department on person (department_id, name);
create index ix_person_name on person (name, id);
create index ix_person_name_trgm on person using gin (lower(name) gin_trgm_ops);
create index ix_person_email_trgm on person using gin (email gin_trgm_ops);

create table account (
    id            bigint       not null,
    person_id     bigint       not null,
    password_hash varchar(100) not null,
    role          varchar(20)  not null,
    enabled       boolean      not null default true,
    last_login_at timestamptz,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint pk_account primary key (id),
    constraint fk_account_person foreign key (person_id) references person (id),
    constraint uk_account_person unique (person_id),
    constraint ck_account_role check (role in ('STAFF', 'MANAGER', 'STRATEGIST'))
);
create index ix_account_role on account (role);
