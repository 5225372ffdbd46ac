package org.waterhole.casestudy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.IdNames;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.LikePattern;

/**
 * Finding case studies: full-text search with filters, the library's front page lists, related
 * case studies, and the strategist's lists. All in SQL, returning only what a list shows.
 * <p>
 * Search uses the weighted {@code search_vector} the database keeps (title A, summary and key
 * findings B, body C) with {@code websearch_to_tsquery}, so readers can type as they would into
 * a search engine: quotes for phrases, {@code OR}, {@code -word}.
 */
@Service
@Transactional(readOnly = true)
public class Library {

	/** How many case studies the front page shows per list. */
	static final int FRONT_PAGE_SIZE = 6;

	/** The search filters' choices that every search page shows: popular tags, years. */
	static final String FACETS = "libraryFacets";

	private static final String MARK_START = "\u27E6";

	private static final String MARK_END = "\u27E7";

	/**
	 * How much of a case study's clean text (about 5,000 characters) its snippet is first made
	 * from: a window from {@value #SNIPPET_BEFORE} characters before the first match (where
	 * {@code case_study_snippet_word} says it is), {@value #SNIPPET_WINDOW} long. Marking the
	 * matches costs by the length of the text marked; when the window is not enough to tell
	 * (Snippets.cutWindow), the whole text is marked.
	 */
	static final int SNIPPET_WINDOW = 700;

	static final int SNIPPET_BEFORE = 250;

	/**
	 * The headline of the window around the first match (the start of the text when none of the
	 * query's words is in it), whether the window is the text's start or reaches its end, and
	 * whether the text has a match (null when its words are not known).
	 */
	private static final String SNIPPET_JOIN = """
			 cross join lateral (select %s as snippet, w.from_char = 0 as at_start,
			   w.from_char + %d >= char_length(cs.snippet_text) as at_end, w.text_matches
			   from (select greatest(coalesce(f.first_at, 0) - %d, 0) as from_char,
			     case when f.known then f.first_at is not null end as text_matches
			     from (select min(cast(sw.first_at ->> q.word as integer)) as first_at, count(*) > 0 as known
			       from case_study_snippet_word sw
			       cross join unnest((select case_study_query_words(:q))) q (word)
			       where sw.case_study_id = cs.id) f) w) h
			""".formatted(headline("substr(cs.snippet_text, w.from_char + 1, " + SNIPPET_WINDOW + ")"), SNIPPET_WINDOW,
			SNIPPET_BEFORE);

	private static final String SNIPPET_COLUMNS = "h.snippet, h.at_start, h.at_end, h.text_matches";

	private static final String CARD_COLUMNS = """
			cs.id, cs.title, cs.summary, cs.source_name, cs.evidence_type, cs.published_on, cs.published_at,
			%s as helpful_count, cs.status, cs.review_by,
			array(select p.platform from case_study_platform p where p.case_study_id = cs.id order by p.platform) as platforms,
			array(select d.department_id from case_study_department d where d.case_study_id = cs.id) as department_ids
			""".formatted(Readings.HELPFUL_COUNT);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DepartmentService departments;

	Library(JdbcClient jdbc, Clock clock, DepartmentService departments) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.departments = departments;
	}

	/** Published case studies matching the search, in the order it asks for. */
	public SearchResult search(SearchForm form, Pageable pageable) {
		return search(form, null, pageable);
	}

	/**
	 * Published case studies matching the search, in the order it asks for; ranked by relevance,
	 * those relevant to the reader's department ({@code readerDepartment}, if any) come first.
	 * Sorted by date or helpful marks, the sort alone decides.
	 */
	public SearchResult search(SearchForm form, Long readerDepartment, Pageable pageable) {
		String query = form.hasQuery() ? form.getQ().strip() : null;
		Words words = query == null ? null : words(query);
		boolean ignoredQuery = false;
		if (words != null && !words.searchable()) {
			query = null; // only stop words or punctuation: search as if nothing was typed
			words = null;
			ignoredQuery = true;
		}
		if (query != null) {
			reusePlans();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String from = from(query, params);
		StringBuilder where = where(form, params);

		SearchForm.Sort sort = query == null && form.effectiveSort() == SearchForm.Sort.RELEVANCE
				? SearchForm.Sort.NEWEST : form.effectiveSort();
		Long mine = ownFirst(sort, form, readerDepartment);
		// Ranked by the compact vector of title, summary and key findings, the reader's department
		// first; snippets from the clean text of the summary and the start of the body (a generated column), every
		// match marked (in a window around the first match alone when that is enough), then cut to a few dozen
		// words around the first match (Snippets).
		String rank = words == null ? "0" : words.excludes() ? RANK : "coalesce(ranked.rank, 0)";
		String ranked = words == null || words.excludes() ? "" : RANKED_JOIN;
		String own = own(mine, params);
		String snippet = query == null ? "null as snippet" : SNIPPET_COLUMNS;
		// Without words, the count is an index scan and the page one more. With words, one pass over
		// the matches orders and counts them. Either way the cards and snippets are made for the
		// page's rows only.
		long total = 0;
		if (query == null) {
			total = count(from, where, params);
			if (total == 0 || pageable.getOffset() >= total) {
				return new SearchResult(new PageImpl<>(List.of(), pageable, total), ignoredQuery, mine);
			}
		}
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		String helpful = sort == SearchForm.Sort.HELPFUL ? Readings.HELPFUL_COUNT : "0"; // for the order alone
		String sql = "select " + CARD_COLUMNS + ", page.total, " + snippet + " from (select cs.id,"
				+ " cs.published_at, " + helpful + " as helpful_count, " + rank + " as rank, " + own + " as own, "
				+ (query == null ? total : "count(*) over ()") + " as total"
				+ " from " + from + ranked + " where " + where + " order by " + order(sort, "rank", "cs")
				+ " limit :limit offset :offset) page join case_study cs on cs.id = page.id"
				+ (query == null ? "" : SNIPPET_JOIN) + " order by "
				+ order(sort, "page.rank", "page");
		long[] counted = { total };
		List<CaseStudyCard> cards = cards(sql, params, query, counted);
		total = counted[0];
		if (cards.isEmpty() && pageable.getOffset() > 0) {
			params.remove("limit");
			params.remove("offset");
			total = count(from, where, params); // past the last page: how many there are, to link back
		}
		return new SearchResult(new PageImpl<>(cards, pageable, total), ignoredQuery, mine);
	}

	/** Whether a case study is relevant to the reader's department ({@code mine}; false when none). */
	private static String own(Long mine, Map<String, Object> params) {
		if (mine == null) {
			return "false";
		}
		params.put("mine", mine);
		return "exists (select 1 from case_study_department d where d.case_study_id = cs.id and d.department_id = :mine)";
	}

	/**
	 * Has the transaction's statements planned once per connection and reused. Knowing the words
	 * would not change a search's plan: functions find and rank the matches whatever they are. Left
	 * to choose, PostgreSQL planned the statement again on every search, its estimate of a reusable
	 * plan coming out a little above that of one planned for the values. (Without words, a plan for
	 * the page asked for is the better one.)
	 */
	private void reusePlans() {
		jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
	}

	/**
	 * The reader's department, to put first where that can change the order: by relevance, and not
	 * filtered to another department; else null.
	 */
	private static Long ownFirst(SearchForm.Sort sort, SearchForm form, Long readerDepartment) {
		boolean another = form.getDepartment() != null && !form.getDepartment().equals(readerDepartment);
		return sort == SearchForm.Sort.RELEVANCE && !another ? readerDepartment : null;
	}

	/**
	 * What a search looks through, as {@code cs}: every case study, or with words ({@code query}) the
	 * published ones matching them, with the columns the filters and the order use. The matches are
	 * found through the index of the search vectors alone (the function's migration says why).
	 */
	private static String from(String query, Map<String, Object> params) {
		if (query == null) {
			return "case_study cs";
		}
		params.put("q", query);
		return "case_study_matches(websearch_to_tsquery('english', :q)) cs";
	}

	/** The search's conditions: published and matching the filters. */
	private static StringBuilder where(SearchForm form, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("cs.status = 'PUBLISHED'");
		if (!form.platforms().isEmpty()) {
			where.append(" and exists (select 1 from case_study_platform p"
					+ " where p.case_study_id = cs.id and p.platform in (:platforms))");
			params.put("platforms", form.platforms().stream().map(Enum::name).toList());
		}
		if (!form.tags().isEmpty()) {
			where.append(" and exists (select 1 from case_study_tag t where t.case_study_id = cs.id and t.tag in (:tags))");
			params.put("tags", form.tags());
		}
		if (form.getDepartment() != null) {
			where.append(" and exists (select 1 from case_study_department d"
					+ " where d.case_study_id = cs.id and d.department_id = :department)");
			params.put("department", form.getDepartment());
		}
		if (!form.evidenceTypes().isEmpty()) {
			where.append(" and cs.evidence_type in (:evidence)");
			params.put("evidence", form.evidenceTypes().stream().map(Enum::name).toList());
		}
		if (form.year() != null) {
			where.append(" and cs.published_on >= :yearStart and cs.published_on < :yearEnd");
			params.put("yearStart", LocalDate.of(form.year(), 1, 1));
			params.put("yearEnd", LocalDate.of(form.year() + 1, 1, 1));
		}
		return where;
	}

	/**
	 * The page's cards, named, with their snippets cut around the first match ({@link Snippets});
	 * {@code counted} gets the number of matches the statement counted.
	 */
	private List<CaseStudyCard> cards(String sql, Map<String, Object> params, String query, long[] counted) {
		Set<Long> wholeTextWanted = new HashSet<>();
		List<CaseStudyCard> cards = jdbc.sql(sql).params(params).query((rs, row) -> {
			counted[0] = rs.getLong("total");
			String cut = query == null ? null : windowSnippet(rs);
			if (query != null && cut == null) {
				wholeTextWanted.add(rs.getLong("id"));
			}
			return card(rs, cut);
		}).list();
		return named(wholeTextWanted.isEmpty() ? cards : withWholeTextSnippets(cards, wholeTextWanted, query));
	}

	/** The snippet cut from the row's window, or null when the whole text is needed to tell. */
	private static String windowSnippet(ResultSet rs) throws SQLException {
		boolean textMatches = rs.getBoolean("text_matches");
		if (rs.wasNull()) {
			return null;
		}
		return Snippets.cutWindow(rs.getString("snippet"), MARK_START, MARK_END, rs.getBoolean("at_start"),
				rs.getBoolean("at_end"), !textMatches);
	}

	/** The typed words as a query: whether it has a word to search for, whether it excludes one. */
	private record Words(boolean searchable, boolean excludes) {
	}

	private Words words(String query) {
		return jdbc.sql("""
				select numnode(q) > 0 as searchable, strpos(cast(q as text), '!') > 0 as excludes
				from websearch_to_tsquery('english', :q) q
				""").param("q", query).query((rs, row) -> new Words(rs.getBoolean("searchable"), rs.getBoolean("excludes")))
			.single();
	}

	/** The relevance of a match, by its compact vector of title, summary and key findings. */
	private static final String RANK = "(select ts_rank_cd(r.rank_vector, websearch_to_tsquery('english', :q))"
			+ " from case_study r where r.id = cs.id)";

	/**
	 * The matches' relevance where it is above 0: a case study whose compact vector lacks the
	 * query (most of a common query's matches, found in the body) ranks 0, so only those whose
	 * compact vector matches (found through its index) are ranked. Where the query excludes a
	 * word, a passage without it can rank above 0 in a vector that does not match, so all are
	 * ranked ({@link #RANK}).
	 */
	private static final String RANKED_JOIN =
			" left join case_study_ranks(websearch_to_tsquery('english', :q)) ranked on ranked.id = cs.id";

	/** The text with every match of the query marked. */
	private static String headline(String text) {
		return "ts_headline('english', " + text + ", websearch_to_tsquery('english', :q), " + "'StartSel=" + MARK_START
				+ ", StopSel=" + MARK_END + ", HighlightAll=true')";
	}

	/** The cards, those of {@code ids} with snippets from their whole clean text (their start was not enough). */
	private List<CaseStudyCard> withWholeTextSnippets(List<CaseStudyCard> cards, Set<Long> ids, String query) {
		Map<Long, String> snippets = new HashMap<>();
		jdbc.sql("select cs.id, " + headline("cs.snippet_text") + " as snippet from case_study cs where cs.id in (:ids)")
			.param("q", query)
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				snippets.put(rs.getLong("id"), Snippets.cut(rs.getString("snippet"), MARK_START, MARK_END));
			});
		return cards.stream()
			.map(card -> ids.contains(card.id()) ? card.withSnippet(snippetHtml(snippets.get(card.id()))) : card)
			.toList();
	}

	private long count(String from, CharSequence where, Map<String, Object> params) {
		return jdbc.sql("select count(*) from " + from + " where " + where).params(params).query(Long.class).single();
	}

	/**
	 * The order of a search's results, by the rank column and the columns of {@code table}; by
	 * relevance, the reader's department's ({@code own}, false when none) first.
	 */
	private static String order(SearchForm.Sort sort, String rank, String table) {
		return switch (sort) {
			case RELEVANCE -> (table.equals("cs") ? "own" : "page.own") + " desc, " + rank + " desc, " + table
					+ ".published_at desc, " + table + ".id desc";
			case NEWEST -> table + ".published_at desc, " + table + ".id desc";
			case HELPFUL -> (table.equals("cs") ? "" : table + ".") + "helpful_count desc, " + table + ".published_at desc, "
					+ table + ".id desc";
		};
	}

	/**
	 * Published case studies relevant to a department, those the reader hasn't opened yet first;
	 * among them, newer and more helpful ones first: helpful marks count, and count for less as
	 * a case study ages ((marks + 1) / (age in weeks + 2)^1.5).
	 */
	public List<CaseStudyCard> recommended(long departmentId, long personId) {
		return named(jdbc.sql("select " + CARD_COLUMNS + """
				, null as snippet from case_study cs
				where cs.status = 'PUBLISHED'
				  and exists (select 1 from case_study_department d
				              where d.case_study_id = cs.id and d.department_id = :department)
				order by exists (select 1 from case_study_reading r
				                 where r.case_study_id = cs.id and r.person_id = :person),
				         (%s + 1) / power(extract(epoch from (:now - cs.published_at)) / 604800 + 2, 1.5) desc,
				         cs.id desc
				limit :limit
				""".formatted(Readings.HELPFUL_COUNT))
			.param("department", departmentId)
			.param("person", personId)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("limit", FRONT_PAGE_SIZE)
			.query(Library::card)
			.list());
	}

	/** The most helpful published case studies, for readers without a department. */
	public List<CaseStudyCard> mostHelpful() {
		return named(jdbc.sql("select " + CARD_COLUMNS + """
				, null as snippet from case_study cs where cs.status = 'PUBLISHED'
				order by helpful_count desc, cs.published_at desc, cs.id desc limit :limit
				""").param("limit", FRONT_PAGE_SIZE).query(Library::card).list());
	}

	public List<CaseStudyCard> recentlyPublished() {
		return named(jdbc.sql("select " + CARD_COLUMNS + """
				, null as snippet from case_study cs where cs.status = 'PUBLISHED'
				order by cs.published_at desc, cs.id desc limit :limit
				""").param("limit", FRONT_PAGE_SIZE).query(Library::card).list());
	}

	/**
	 * The case studies related to {@code :id}, best first ({@link #related}). A few tags and
	 * platforms are shared by half the library, so the scores are ranked before the case
	 * studies are joined: with the join in score order, PostgreSQL sorts the rest
	 * (publication) one score at a time and reads only the case studies of the best scores it
	 * needs, not every one that shares a platform.
	 */
	private static final String RELATED = """
			with scores as (
			  select t.case_study_id, 2 as weight from case_study_tag t
			  join case_study_tag mine on mine.tag = t.tag and mine.case_study_id = :id
			  union all
			  select p.case_study_id, 1 from case_study_platform p
			  join case_study_platform mine on mine.platform = p.platform and mine.case_study_id = :id)
			select %s, null as snippet
			from (select case_study_id, sum(weight) as score from scores where case_study_id <> :id
			      group by case_study_id order by score desc) r
			join case_study cs on cs.id = r.case_study_id
			where cs.status = 'PUBLISHED'
			order by r.score desc, cs.published_at desc, cs.id desc
			limit %%d
			""".formatted(CARD_COLUMNS);

	/**
	 * Published case studies sharing tags (which count double) or platforms with this one, the
	 * most shared first. The score is one aggregate over the matching tag and platform rows. The
	 * limit is written into the statement rather than bound: with a bound limit PostgreSQL can't
	 * cost a plan that serves every case study, so it would plan the statement anew on every page.
	 */
	public List<CaseStudyCard> related(long id, int limit) {
		return named(jdbc.sql(RELATED.formatted(limit)).param("id", id).query(Library::card).list());
	}

	/** Every case study for the strategist, of one status or all, whose title contains {@code text}. */
	public Page<CaseStudyCard> manage(CaseStudyStatus status, String text, Pageable pageable) {
		String where = "(cast(:status as varchar) is null or cs.status = :status) and lower(cs.title) like :pattern escape '\\'";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("status", status == null ? null : status.name());
		params.put("pattern", LikePattern.contains(text));
		long total = count("case_study cs", where, params);
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		List<CaseStudyCard> cards = jdbc.sql("select " + CARD_COLUMNS + ", null as snippet from case_study cs where "
				+ where + " order by cs.updated_at desc, cs.id desc limit :limit offset :offset")
			.params(params)
			.query(Library::card)
			.list();
		return new PageImpl<>(cards, pageable, total);
	}

	/** Published case studies whose review-by date has passed, the longest overdue first. */
	public Page<CaseStudyCard> needingReview(Pageable pageable) {
		LocalDate today = LocalDate.now(clock);
		long total = jdbc.sql("select count(*) from case_study cs where cs.status = 'PUBLISHED' and cs.review_by < :today")
			.param("today", today)
			.query(Long.class)
			.single();
		List<CaseStudyCard> cards = jdbc.sql("select " + CARD_COLUMNS + """
				, null as snippet from case_study cs where cs.status = 'PUBLISHED' and cs.review_by < :today
				order by cs.review_by, cs.id limit :limit offset :offset
				""")
			.param("today", today)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Library::card)
			.list();
		return new PageImpl<>(cards, pageable, total);
	}

	public long countNeedingReview() {
		return jdbc.sql("select count(*) from case_study cs where cs.status = 'PUBLISHED' and cs.review_by < :today")
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.single();
	}

	/** The most used tags of published case studies, for the search filters (kept for a minute). */
	@Cacheable(FACETS)
	public List<String> popularTags(int limit) {
		return jdbc.sql("""
				select t.tag from case_study_tag t join case_study cs on cs.id = t.case_study_id
				where cs.status = 'PUBLISHED' group by t.tag order by count(*) desc, t.tag limit :limit
				""").param("limit", limit).query(String.class).list();
	}

	/** The years in which published case studies' sources appeared, newest first (kept for a minute). */
	@Cacheable(cacheNames = FACETS, key = "'years'")
	public List<Integer> years() {
		return jdbc.sql("""
				select distinct cast(extract(year from published_on) as integer) from case_study
				where status = 'PUBLISHED' and published_on is not null order by 1 desc
				""").query(Integer.class).list();
	}

	/** The titles of these case studies, whatever their status. */
	public Map<Long, String> titles(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> titles = new LinkedHashMap<>();
		jdbc.sql("select id, title from case_study where id in (:ids) order by title")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> titles.put(rs.getLong("id"), rs.getString("title")))
			.list();
		return titles;
	}

	/**
	 * Published case studies to offer for a department: those relevant to it, then those for
	 * everyone, each the most helpful (then newest) first, at most {@code limit}; and {@code also}, whatever it is
	 * relevant to, if it is published (first). Titles by id, in that order.
	 */
	public Map<Long, String> publishedFor(Long departmentId, Long also, int limit) {
		return IdNames.forDepartment(jdbc, """
				(select cs.id, cs.title from case_study cs where cs.id = :also and cs.status = 'PUBLISHED')
				union all
				(select cs.id, cs.title from case_study cs
				 where cs.status = 'PUBLISHED'
				   and (exists (select 1 from case_study_department d
				                where d.case_study_id = cs.id and d.department_id = :department)
				        or not exists (select 1 from case_study_department d where d.case_study_id = cs.id))
				 order by exists (select 1 from case_study_department d
				                  where d.case_study_id = cs.id and d.department_id = :department) desc,
				          %s desc, cs.published_at desc, cs.id desc limit :limit)
				""".formatted(Readings.HELPFUL_COUNT), departmentId, also, limit);
	}

	/** A published case study as a list shows it, if there is one. */
	public Optional<CaseStudyCard> published(long id) {
		return jdbc.sql("select " + CARD_COLUMNS + ", null as snippet from case_study cs where cs.id = :id"
				+ " and cs.status = 'PUBLISHED'").param("id", id).query(Library::card).optional();
	}

	/** Whether a case study exists and is published. */
	public boolean isPublished(long id) {
		return jdbc.sql("select exists (select 1 from case_study where id = :id and status = 'PUBLISHED')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private static CaseStudyCard card(ResultSet rs, int row) throws SQLException {
		return card(rs, rs.getString("snippet"));
	}

	/** The card of the row, with {@code snippet} (matches marked, not yet escaped) if any. */
	private static CaseStudyCard card(ResultSet rs, String snippet) throws SQLException {
		return new CaseStudyCard(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
				snippetHtml(snippet), rs.getString("source_name"),
				EvidenceType.valueOf(rs.getString("evidence_type")), rs.getObject("published_on", LocalDate.class),
				instant(rs, "published_at"), rs.getInt("helpful_count"), platforms(rs.getArray("platforms")),
				CaseStudyStatus.valueOf(rs.getString("status")), rs.getObject("review_by", LocalDate.class),
				ids(rs.getArray("department_ids")), List.of());
	}

	/** The cards with the names of the departments they suit, by name (from the cached department list). */
	private List<CaseStudyCard> named(List<CaseStudyCard> cards) {
		if (cards.stream().allMatch(card -> card.departmentIds().isEmpty())) {
			return cards;
		}
		Map<Long, String> names = DepartmentOption.namesById(departments.options());
		return cards.stream()
			.map(card -> card.withDepartments(card.departmentIds()
				.stream()
				.map(names::get)
				.filter(Objects::nonNull)
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList()))
			.toList();
	}

	static List<Long> ids(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			ids.add(((Number) value).longValue());
		}
		return List.copyOf(ids);
	}

	/** The snippet escaped for HTML, with only our own marks turned into {@code <mark>}. */
	static String snippetHtml(String snippet) {
		if (snippet == null) {
			return null;
		}
		return HtmlUtils.htmlEscape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>");
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static List<Platform> platforms(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Platform> platforms = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			platforms.add(Platform.valueOf((String) value));
		}
		return platforms;
	}

	/**
	 * A page of search results; {@code ignoredQuery} when the words typed were all too common
	 * to search for (the results are then the filters' alone); {@code ownFirst}, the reader's
	 * department when the ranking put its case studies first (by relevance, with words, not
	 * filtered to another department), else null.
	 */
	public record SearchResult(Page<CaseStudyCard> page, boolean ignoredQuery, Long ownFirst) {
	}

}
