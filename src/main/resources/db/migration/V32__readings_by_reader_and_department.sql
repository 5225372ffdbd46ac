-- A person's readings in a department, by time: counting a new reading in the education reach
-- asks whether the reader already read there that day, and when they last and next read there.
-- Each question is one probe of this index, however many readings the person has.
create index ix_case_study_reading_reader on case_study_reading (person_id, department_id, read_at);
