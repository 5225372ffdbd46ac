-- A department's own days between check-ins. Null: the playbook's interval by stage
-- (waterhole.playbook.check-ins.*); while experimenting, the shorter of the two applies.
alter table department add column check_in_days integer;
alter table department add constraint ck_department_check_in_days
    check (check_in_days is null or check_in_days between 1 and 365);

alter table department_aud add column check_in_days integer;
