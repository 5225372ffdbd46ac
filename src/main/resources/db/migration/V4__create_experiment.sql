-- Experiment tracker: experiments, their measurements, and the case studies that inspired them.
create sequence experiment_seq increment by 50;
create sequence experiment_measurement_seq increment by 50;

create table experiment (
    id             bigint        not null,
    title          varchar(200)  not null,
    hypothesis     varchar(4000) not null,
    department_id  bigint        not null,
    platform       varchar(20)   not null,
    owner_id       bigint        not null,
    status         varchar(20)   not null,
    impact         integer       not null,
    confidence     integer       not null,
    ease           integer       not null,
    -- ICE: the mean of impact, confidence and ease (1–10), kept by the database for sorting.
    ice_score      numeric(4, 2) generated always as (round((impact + confidence + ease) / 3.0, 2)) stored,
    planned_start  date,
    planned_end    date,
    actual_start   date,
    actual_end     date,
    metric_name    varchar(120)  not null,
    metric_unit    varchar(40),
    baseline       numeric(18, 4),
    target         numeric(18, 4),
    direction      varchar(4)    not null,
    outcome        varchar(20),
    learnings      varchar(8000),
    abandon_reason varchar(2000),
    -- The draft case study written from this experiment's result, once the strategist asked for it.
    result_case_study_id bigint,
    version        bigint        not null default 0,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    constraint pk_experiment primary key (id),
    constraint fk_experiment_department foreign key (department_id) references department (id),
    constraint fk_experiment_owner foreign key (owner_id) references person (id),
    constraint fk_experiment_result_case_study foreign key (result_case_study_id) references case_study (id),
    constraint ck_experiment_status check (status in ('IDEA', 'PLANNED', 'RUNNING', 'COMPLETED', 'ABANDONED')),
    constraint ck_experiment_ice check (impact between 1 and 10 and confidence between 1 and 10 and ease between 1 and 10),
    constraint ck_experiment_direction check (direction in ('UP', 'DOWN')),
    constraint ck_experiment_outcome check (outcome is null or outcome in ('SUCCEEDED', 'FAILED', 'INCONCLUSIVE')),
    constraint ck_experiment_planned_dates check (planned_end is null or planned_start is null or planned_end >= planned_start),
    constraint ck_experiment_actual_dates check (actual_end is null or actual_start is null or actual_end >= actual_start),
    constraint ck_experiment_running_started check (status not in ('RUNNING', 'COMPLETED') or actual_start is not null),
    constraint ck_experiment_completed check (status <> 'COMPLETED' or (outcome is not null and learnings is not null and actual_end is not null)),
    constraint ck_experiment_abandoned check (status <> 'ABANDONED' or abandon_reason is not null)
);
create index ix_experiment_status on experiment (status, updated_at desc, id);
create index ix_experiment_department on experiment (department_id, status);
create index ix_experiment_platform on experiment (platform, status);
create index ix_experiment_owner on experiment (owner_id);
create index ix_experiment_ice on experiment (ice_score desc, id);
create index ix_experiment_start on experiment (actual_start desc nulls last, id);
create index ix_experiment_updated on experiment (updated_at desc, id);
create index ix_experiment_completed on experiment (actual_end desc, id) where status = 'COMPLETED';
create index ix_experiment_title_trgm on experiment using gin (lower(title) gin_trgm_ops);

create table experiment_measurement (
    id            bigint         not null,
    experiment_id bigint         not null,
    measured_on   date           not null,
    value         numeric(18, 4) not null,
    note          varchar(500),
    version       bigint         not null default 0,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    constraint pk_experiment_measurement primary key (id),
    constraint fk_experiment_measurement_experiment foreign key (experiment_id) references experiment (id) on delete cascade,
    constraint ck_experiment_measurement_value check (value >= 0)
);
create index ix_experiment_measurement_experiment on experiment_measurement (experiment_id, measured_on, id);

create table experiment_case_study (
    experiment_id bigint not null,
    case_study_id bigint not null,
    constraint pk_experiment_case_study primary key (experiment_id, case_study_id),
    constraint fk_experiment_case_study_experiment foreign key (experiment_id) references experiment (id) on delete cascade,
    constraint fk_experiment_case_study_case_study foreign key (case_study_id) references case_study (id)
);
create index ix_experiment_case_study_case_study on experiment_case_study (case_study_id);
