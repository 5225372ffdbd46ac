-- Search snippets are taken from clean text: the summary and the start of the body with the
-- Markdown taken out (headings, list markers, quote markers, emphasis, code fences, link and
-- image syntax, tags), each heading and list item its own sentence ending in a full stop, so that
-- a heading doesn't run into the sentence after it. Kept by the database from the columns it is
-- made of; the search vector and its GIN index are unchanged.
alter table case_study add column snippet_text text generated always as (
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
        summary || E'\n\n' || left(body, 6000),
        -- fenced code blocks and tags
        '```[^`]*(```|$)|<[^>]*>', ' ', 'g'),
        -- images and links: their words only
        '!?\[([^]]*)\]\([^)]*\)', '\1', 'g'),
        -- tables: the cells' words, without the line under the header
        '^[ \t|:-]*-{3,}[ \t|:-]*$|\|', ' ', 'gn'),
        -- headings and list items without an end mark get a full stop
        '^[ \t]*(#{1,6}|[-*+]|[0-9]{1,9}[.)])[ \t]+([^\n]*[^.!?:;\s#])[ \t#]*$', '\2.', 'gn'),
        -- the markers of the others
        '^[ \t]*(#{1,6}|[-*+]|[0-9]{1,9}[.)])[ \t]+', '', 'gn'),
        -- quote markers and rules
        '^[ \t]*(>[ \t]?)+|^[ \t]*([-*_][ \t]*){3,}$', '', 'gn'),
        -- a paragraph that ends without an end mark (a table row, a line of its own)
        '([^.!?:;\s])[ \t]*\n[ \t]*\n', '\1.' || E'\n\n', 'g'),
        -- emphasis and code marks
        '(\*{1,3}|_{2,3}|`+)([^*_`\n]+)\1', '\2', 'g'),
        '(^|\s)_([^_\n]+)_', '\1\2', 'g'),
        '[ \t]*\n[ \t]*', ' ', 'g'),
        '\s{2,}', ' ', 'g')
) stored;
