-- Where each word (as a lexeme) first appears in a case study's clean snippet text, in characters
-- from its start. A search snippet is cut around the first match, and marking the matches costs by
-- the length of the text marked: with these, only a short window around the first match is marked
-- instead of the whole text (about 5,000 characters).
create table case_study_snippet_word (
    case_study_id bigint not null,
    first_at      jsonb  not null,
    constraint pk_case_study_snippet_word primary key (case_study_id),
    constraint fk_case_study_snippet_word_case_study foreign key (case_study_id) references case_study (id)
        on delete cascade
);

-- Each lexeme of the text and the character where the first token that has it starts. The parser's
-- tokens cover the text one after another, but for hyphenated words and URLs, which come whole and
-- then in parts: only the parts count towards the positions.
create function case_study_first_words(text) returns jsonb
    language sql immutable strict parallel safe
    as $$
        select coalesce(jsonb_object_agg(lexeme, first_at), '{}')
        from (select l.lexeme, min(t.at) as first_at
              from (select d.lexemes,
                           coalesce(sum(case when d.alias in ('asciihword', 'hword', 'numhword', 'url') then 0
                                             else char_length(d.token) end)
                                    over (order by d.n rows between unbounded preceding and 1 preceding), 0) as at
                    from ts_debug('english', $1) with ordinality
                         d (alias, description, token, dictionaries, dictionary, lexemes, n)) t
              cross join unnest(t.lexemes) l (lexeme)
              group by l.lexeme) w
    $$;

-- The lexemes a search's words can match: those of its query and those of its text (the words
-- typed, taken apart the same way), so that none of the query's is missed.
create function case_study_query_words(query text) returns text[]
    language sql immutable strict parallel safe
    as $$
        select array(select replace(replace(m[1], '''''', ''''), '\\', '\')
                     from regexp_matches(cast(websearch_to_tsquery('english', query) as text), '''((?:[^'']|'''')*)''', 'g') m
                     union
                     select unnest(tsvector_to_array(to_tsvector('english', query))))
    $$;

create function keep_case_study_snippet_words() returns trigger
    language plpgsql
    as $$
        begin
            insert into case_study_snippet_word (case_study_id, first_at)
            values (new.id, case_study_first_words(new.snippet_text))
            on conflict (case_study_id) do update set first_at = excluded.first_at;
            return null;
        end
    $$;

create trigger tg_case_study_snippet_word_insert after insert on case_study
    for each row execute function keep_case_study_snippet_words();

create trigger tg_case_study_snippet_word_update after update on case_study
    for each row when (old.snippet_text is distinct from new.snippet_text)
    execute function keep_case_study_snippet_words();

insert into case_study_snippet_word (case_study_id, first_at)
select id, case_study_first_words(snippet_text) from case_study;
