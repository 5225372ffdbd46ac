-- Named readings and helpful marks older than waterhole.privacy.named-readings (13 months by
-- default), and all of an erased person's, are folded nightly into the anonymous counts below and
-- the personal rows deleted. Every figure adds the counts to what is still named, and comes out
-- the same as before folding. A department of null stands for readers without a department.

-- People who read something in a department on a day (person-days), by the day each of them next
-- read something in that department (null: not again, as far as was known when folded). The
-- distinct readers of a department from day S to day D, both included, are the named readers of
-- those days plus the readers of the rows with day from S to D and next_day null or after D: a
-- person counts once, on their last day of the period. Any period asked is shorter than the time
-- named readings are kept, so a reading made after folding never shares a period with a folded day.
create table reading_day_count (
    id            bigint  generated always as identity,
    department_id bigint,
    day           date    not null,
    next_day      date,
    readers       integer not null,
    constraint pk_reading_day_count primary key (id),
    constraint fk_reading_day_count_department foreign key (department_id) references department (id),
    constraint ck_reading_day_count_readers check (readers > 0),
    constraint ck_reading_day_count_next_day check (next_day > day)
);
create index ix_reading_day_count_department on reading_day_count (department_id, day) include (next_day, readers);
create index ix_reading_day_count_day on reading_day_count (day) include (department_id, next_day, readers);

-- One case study's folded readings and helpful marks per department and day. readers counts a
-- person on the day of their last reading of the case study in the department, once none of
-- their readings of it there is still named; people likewise, whatever the department. So the
-- all-time readers of a case study are its named readers plus these, each person counted once.
create table case_study_reading_count (
    id            bigint  generated always as identity,
    case_study_id bigint  not null,
    department_id bigint,
    day           date    not null,
    readings      integer not null,
    readers       integer not null,
    people        integer not null,
    helpful       integer not null,
    constraint pk_case_study_reading_count primary key (id),
    constraint fk_case_study_reading_count_case_study foreign key (case_study_id) references case_study (id) on delete cascade,
    constraint fk_case_study_reading_count_department foreign key (department_id) references department (id),
    constraint ck_case_study_reading_count_counts check (readers >= 0 and people >= 0 and helpful >= 0
        and readers <= readings and people <= readings and readings + helpful > 0)
);
create index ix_case_study_reading_count_case_study on case_study_reading_count (case_study_id, department_id)
    include (readings);
create index ix_case_study_reading_count_department on case_study_reading_count (department_id, day) include (helpful);

-- Who read anything in a period, by the department they were in then (education reach), from the
-- index alone; and the readings old enough to fold.
drop index ix_case_study_reading_time;
create index ix_case_study_reading_time on case_study_reading (read_at) include (person_id, department_id);

-- The helpful marks old enough to fold.
create index ix_case_study_helpful_time on case_study_helpful (marked_at);
