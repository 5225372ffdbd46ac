-- Search ranks case studies by what they say they are about (title, summary, key findings) and
-- matches them on everything, body included. A common two-word query matches thousands of case
-- studies; ranking each by its whole body's vector (kilobytes, stored out of line) cost more
-- than a page may, this compact vector a fraction of it.
alter table case_study add column rank_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(key_findings, '')), 'B')
) stored;
