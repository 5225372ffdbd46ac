-- A department's events of one kind, by day: a department's open objections (its adoption page,
-- the playbook) are found among its few objections instead of among every objection or every
-- event of the department.
create index ix_adoption_event_department_kind on adoption_event_department (department_id, kind, occurred_on);
