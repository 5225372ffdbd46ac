-- The published case studies whose search vector matches a query, found through the vector's GIN
-- index alone. For a query without phrases the index answers exactly, so only the found rows are
-- read, never their search vectors (kilobytes each, stored out of line). PostgreSQL does not
-- count the cost of reading out-of-line values, so for a common query (thousands of matches) it
-- would read the whole table instead and every vector in it: most of a common search's cost.
-- Sequential scans are off for this one query only; a phrase is checked against the vectors of
-- the rows the index finds.
create function case_study_matches(query tsquery) returns setof bigint
    language sql stable strict parallel safe rows 1000
    set enable_seqscan = off
    as $$
        select id from case_study where status = 'PUBLISHED' and search_vector @@ query
    $$;
-- The few matches whose title, summary or key findings match too, the only ones ranked above 0.
create index ix_case_study_rank on case_study using gin (rank_vector);
