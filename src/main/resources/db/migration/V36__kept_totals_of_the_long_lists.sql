-- How many rows the long lists hold in all, kept as rows are added and removed, in the same
-- transaction: a list without filters knows how many pages it has without counting tens of
-- thousands of index entries on every request. A statement's rows are counted at once (its
-- transition table), and the row of a table's total is locked until the writing transaction ends.
create table row_total (
    table_name varchar(63) not null,
    total      bigint      not null,
    constraint pk_row_total primary key (table_name)
);

create function row_total_added() returns trigger language plpgsql as $$
begin
    update row_total set total = total + (select count(*) from added) where table_name = tg_table_name;
    return null;
end
$$;

create function row_total_removed() returns trigger language plpgsql as $$
begin
    update row_total set total = total - (select count(*) from removed) where table_name = tg_table_name;
    return null;
end
$$;

create function row_total_emptied() returns trigger language plpgsql as $$
begin
    update row_total set total = 0 where table_name = tg_table_name;
    return null;
end
$$;

-- The timeline's events (never removed: the table is append-only).
insert into row_total (table_name, total) select 'adoption_event', count(*) from adoption_event;
create trigger adoption_event_total after insert on adoption_event
    referencing new table as added for each statement execute function row_total_added();

-- The experiments.
insert into row_total (table_name, total) select 'experiment', count(*) from experiment;
create trigger experiment_total_added after insert on experiment
    referencing new table as added for each statement execute function row_total_added();
create trigger experiment_total_removed after delete on experiment
    referencing old table as removed for each statement execute function row_total_removed();
create trigger experiment_total_emptied after truncate on experiment
    for each statement execute function row_total_emptied();
