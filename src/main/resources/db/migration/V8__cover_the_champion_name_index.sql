-- The champion directory reads champions in name order up to the end of the page it shows. With
-- the columns its filters test (department, status, mentoring) in the name index, that read is an
-- index-only scan instead of a sort of every champion; it replaces the plain name index.
drop index ix_champion_name;
create index ix_champion_name on champion (person_name, id) include (department_id, status, open_to_mentoring);
