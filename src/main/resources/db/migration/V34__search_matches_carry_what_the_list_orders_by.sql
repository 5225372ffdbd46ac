-- The published case studies matching a query now come with the columns a search filters and orders
-- by, read from the rows the index finds anyway: the search reads the matches alone, with no second
-- pass over the table to join them. As before, sequential scans are off so that the vectors' GIN
-- index finds the rows and the search vectors themselves are never read (for a query without phrases).
drop function case_study_matches(tsquery);

create function case_study_matches(query tsquery)
    returns table (id bigint, status varchar, published_at timestamptz, published_on date, evidence_type varchar)
    language sql stable strict parallel safe rows 1000
    set enable_seqscan = off
    as $$
        select id, status, published_at, published_on, evidence_type
        from case_study where status = 'PUBLISHED' and search_vector @@ query
    $$;

-- The relevance of the published case studies whose title, summary or key findings match a query
-- (the only ones that rank above 0), found through the compact vector's GIN index and ranked there.
-- A common query matches a few hundred compact vectors; without this, PostgreSQL reads all of them.
create function case_study_ranks(query tsquery) returns table (id bigint, rank real)
    language sql stable strict parallel safe rows 100
    set enable_seqscan = off
    as $$
        select id, ts_rank_cd(rank_vector, query)
        from case_study where status = 'PUBLISHED' and rank_vector @@ query
    $$;
