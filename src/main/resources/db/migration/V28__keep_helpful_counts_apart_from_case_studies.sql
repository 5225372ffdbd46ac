-- How many people found each case study helpful, kept apart from the case study. A mark then
-- writes one narrow row, instead of a new version of the whole case study: its text, its generated
-- search columns and an entry in every one of its indexes (the search indexes hold hundreds of
-- words per case study), which also left its pages to be read again for index-only scans until the
-- next vacuum. A case study nobody marked has no row.
create table case_study_helpful_count (
    case_study_id bigint  not null,
    helpful       integer not null,
    constraint pk_case_study_helpful_count primary key (case_study_id),
    constraint fk_case_study_helpful_count_case_study foreign key (case_study_id) references case_study (id)
        on delete cascade,
    constraint ck_case_study_helpful_count_helpful check (helpful >= 0)
);

insert into case_study_helpful_count (case_study_id, helpful)
select id, helpful_count from case_study where helpful_count > 0;

drop index ix_case_study_helpful;
alter table case_study drop column helpful_count;
