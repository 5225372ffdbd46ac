-- A person may choose that their name is never connected to what they read: their readings are
-- still recorded with their person (so that a department's distinct readers stay right), but they
-- appear on no list of readers and are never suggested as a keen reader. Their own choice, kept in
-- the person's history like the rest of the person.
alter table person add column readings_unnamed boolean not null default false;

alter table person_aud add column readings_unnamed boolean;
