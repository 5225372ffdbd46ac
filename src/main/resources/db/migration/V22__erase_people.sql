-- Erasure: the strategist erases a person. The person stays, so that what is counted by them
-- (readings, activities, experiments they own) keeps counting, but as a former member: the name
-- becomes the fixed label 'Former member', the email and job title go, and erased_at says when.
-- Several former members have no email: a unique constraint lets any number of nulls through.
alter table person alter column email drop not null;
alter table person add column erased_at timestamptz;
alter table person_aud add column erased_at timestamptz;
-- The people list and the pickers leave former members out.
create index ix_person_current on person (name, id) where erased_at is null;

-- A former champion's copy of the person has no email either.
alter table champion alter column person_email drop not null;

-- The adoption history stays append-only, but for one change: while a person is erased (the
-- transaction sets waterhole.erasure to 'on'), the title and details of an event that named them
-- may be rewritten, and nothing else of it.
create or replace function adoption_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and coalesce(current_setting('waterhole.erasure', true), '') = 'on'
            and (to_jsonb(new) - 'title' - 'details') = (to_jsonb(old) - 'title' - 'details') then
        return new;
    end if;
    raise exception 'adoption events are append-only: record a new event instead'
        using errcode = 'restrict_violation';
end
$$;
