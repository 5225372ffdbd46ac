package org.waterhole.champion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonSummary;
import org.waterhole.shared.IdNames;
import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;
import org.waterhole.shared.web.LikePattern;

/**
 * Finding champions: the directory with its filters, coverage per department, the most active,
 * a champion's activity history and the offers waiting for the strategist. All in SQL.
 * <p>
 * "Recent" means the last {@value #RECENT_DAYS} days: today and the
 * {@value #RECENT_DAYS}&nbsp;−&nbsp;1 days before.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	static final int RECENT_DAYS = 90;

	private static final String CARD_COLUMNS = """
			c.id, c.person_name, c.department_id, c.status, c.open_to_mentoring, c.since,
			array(select p.platform from champion_platform p where p.champion_id = c.id order by p.platform) as platforms,
			array(select s.skill from champion_skill s where s.champion_id = c.id order by s.skill) as skills,
			(select count(*) from champion_activity a where a.champion_id = c.id and a.occurred_on >= :recentFrom) as recent
			""";

	/** The skill filter's choices. */
	static final String SKILLS = "championSkills";

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final PersonService people;

	private final Clock clock;

	Directory(JdbcClient jdbc, DepartmentService departments, PersonService people, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.people = people;
		this.clock = clock;
	}

	/** The first day that counts as recent. */
	LocalDate recentFrom() {
		return LocalDate.now(clock).minusDays(RECENT_DAYS - 1);
	}

	/** Champions matching the filter; those of {@code myDepartment} first, then by name. */
	public Page<ChampionCard> page(DirectoryFilter filter, Long myDepartment, Pageable pageable) {
		StringBuilder where = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.statusFilter() != null) {
			where.append(" and c.status = :status");
			params.put("status", filter.statusFilter().name());
		}
		if (filter.getDepartment() != null) {
			where.append(" and c.department_id = :department");
			params.put("department", filter.getDepartment());
		}
		if (filter.getPlatform() != null) {
			where.append(" and exists (select 1 from champion_platform p where p.champion_id = c.id and p.platform = :platform)");
			params.put("platform", filter.getPlatform().name());
		}
		if (filter.skillFilter() != null) {
			where.append(" and exists (select 1 from champion_skill s where s.champion_id = c.id and s.skill = :skill)");
			params.put("skill", filter.skillFilter());
		}
		if (filter.getMentoring() != null) {
			where.append(" and c.open_to_mentoring = :mentoring");
			params.put("mentoring", filter.getMentoring());
		}
		if (filter.matchesAny()) {
			// Unknown values match nothing; an empty list in "in (…)" would not be valid SQL.
			where.append(" and (exists (select 1 from champion_platform p where p.champion_id = c.id"
					+ " and p.platform in (:anyPlatforms)) or exists (select 1 from champion_skill s"
					+ " where s.champion_id = c.id and s.skill in (:anySkills)))");
			params.put("anyPlatforms", orNone(filter.anyPlatforms().stream().map(Enum::name).toList()));
			params.put("anySkills", orNone(filter.anySkills()));
		}
		String pattern = LikePattern.contains(filter.getQ());
		if (!pattern.equals("%")) {
			// Skills are stored normalised ("alt-text"), so they are matched against the query
			// normalised the same way ("Alt Text", "#alt-text") as well as against what was typed.
			String skillPattern = LikePattern.contains(Tags.normalize(filter.getQ()));
			where.append(" and (lower(c.person_name) like :pattern escape '\\' or exists (select 1 from champion_skill s"
					+ " where s.champion_id = c.id and (s.skill like :pattern escape '\\'"
					+ " or s.skill like :skillPattern escape '\\')))");
			params.put("pattern", pattern);
			params.put("skillPattern", skillPattern.equals("%") ? pattern : skillPattern);
		}
		// The reader's department comes first, then the others, then those without one, each by
		// name. One count says how many each part has, so that the page is read from the parts it
		// falls in, each from its own offset in name order (by index), rather than sorting every
		// champion up to the page. Only then are the page's platforms, skills and recent activity
		// looked up.
		params.put("mine", myDepartment == null ? -1L : myDepartment);
		long[] counted = jdbc.sql("select count(*), count(*) filter (where c.department_id = :mine),"
				+ " count(*) filter (where c.department_id is null) from champion c where " + where)
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		long total = counted[0];
		if (total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		long[] sizes = { counted[1], total - counted[1] - counted[2], counted[2] };
		String[] parts = { "c.department_id = :mine", "c.department_id <> :mine", "c.department_id is null" };
		List<String> reads = new ArrayList<>();
		long skip = pageable.getOffset();
		long wanted = pageable.getPageSize();
		for (int part = 0; part < parts.length && wanted > 0; part++) {
			if (skip >= sizes[part]) {
				skip -= sizes[part];
				continue;
			}
			long take = Math.min(wanted, sizes[part] - skip);
			reads.add("(select c.id from champion c where " + where + " and " + parts[part]
					+ " order by c.person_name, c.id limit :take" + part + " offset :skip" + part + ")");
			params.put("take" + part, take);
			params.put("skip" + part, skip);
			wanted -= take;
			skip = 0;
		}
		if (reads.isEmpty()) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		params.put("recentFrom", recentFrom());
		// "= any(array(…))": looked up by key, where "in (…)" was a hash join over every champion.
		List<ChampionCard> cards = jdbc.sql("select " + CARD_COLUMNS + " from champion c where c.id = any(array("
				+ String.join(" union all ", reads) + ")) order by (c.department_id = :mine) desc nulls last,"
				+ " c.person_name, c.id")
			.params(params)
			.query(Directory::card)
			.list();
		return new PageImpl<>(named(cards), pageable, total);
	}

	/**
	 * Every department with its active champions and the activities of active champions in the
	 * last {@value #RECENT_DAYS} days, each counted toward the department the champion was in
	 * when it was logged; departments without an active champion first, unless {@code sort} asks
	 * for another order (by {@code department}, {@code active} or {@code recent}).
	 */
	public List<Coverage> coverage(Sort sort) {
		Map<Long, Long> active = new HashMap<>();
		jdbc.sql("""
				select department_id, count(*) as active from champion
				where status = 'ACTIVE' and department_id is not null group by department_id
				""").query((rs, n) -> active.put(rs.getLong("department_id"), rs.getLong("active"))).list();
		Map<Long, Long> recent = new HashMap<>();
		jdbc.sql("""
				select a.department_id, count(*) as recent from champion_activity a
				join champion c on c.id = a.champion_id
				where c.status = 'ACTIVE' and a.occurred_on >= :recentFrom and a.department_id is not null
				group by a.department_id
				""").param("recentFrom", recentFrom())
			.query((rs, n) -> recent.put(rs.getLong("department_id"), rs.getLong("recent")))
			.list();
		List<Coverage> coverage = new ArrayList<>();
		for (DepartmentOption department : departments.options()) {
			coverage.add(new Coverage(department.getId(), department.getName(),
					active.getOrDefault(department.getId(), 0L), recent.getOrDefault(department.getId(), 0L)));
		}
		coverage.sort(Coverage.order(sort));
		return coverage;
	}

	/** The active champions with the most activities in the last {@value #RECENT_DAYS} days. */
	public List<ChampionCard> mostActive(int limit) {
		// Counted from the recent activities (an index range), not champion by champion.
		List<ChampionCard> cards = jdbc.sql("select " + CARD_COLUMNS + """
				 from champion c where c.id in (
				  select a.champion_id from champion_activity a join champion x on x.id = a.champion_id
				  where x.status = 'ACTIVE' and a.occurred_on >= :recentFrom
				  group by a.champion_id, x.person_name order by count(*) desc, x.person_name, a.champion_id
				  limit :limit)
				order by recent desc, c.person_name, c.id
				""")
			.param("recentFrom", recentFrom())
			.param("limit", limit)
			.query(Directory::card)
			.list();
		return named(cards);
	}

	/**
	 * Active champions to offer for a department: its own, then those open to mentoring, by name,
	 * at most {@code limit}; and {@code also} if it is an active champion (first). Names by id, in
	 * that order.
	 */
	public Map<Long, String> activeFor(Long departmentId, Long also, int limit) {
		return IdNames.forDepartment(jdbc, """
				(select c.id, c.person_name from champion c where c.id = :also and c.status = 'ACTIVE')
				union all
				(select c.id, c.person_name from champion c
				 where c.status = 'ACTIVE' and (c.department_id = :department or c.open_to_mentoring)
				 order by coalesce(c.department_id = :department, false) desc, c.person_name, c.id limit :limit)
				""", departmentId, also, limit);
	}

	/** Whether a champion exists and is active. */
	public boolean isActive(long id) {
		return jdbc.sql("select exists (select 1 from champion where id = :id and status = 'ACTIVE')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * How many activities a champion has had in the last {@value #RECENT_DAYS} days: the figure
	 * their directory card shows.
	 */
	public long recentActivities(long championId) {
		return jdbc.sql("select count(*) from champion_activity where champion_id = :id and occurred_on >= :recentFrom")
			.param("id", championId)
			.param("recentFrom", recentFrom())
			.query(Long.class)
			.single();
	}

	/** A champion's activities, newest first, with who logged each. */
	public Page<ActivityRow> activities(long championId, Pageable pageable) {
		long total = jdbc.sql("select count(*) from champion_activity where champion_id = :id")
			.param("id", championId)
			.query(Long.class)
			.single();
		List<ActivityRow> rows = jdbc.sql("""
				select id, occurred_on, kind, description, reach, link, recorded_by from champion_activity
				where champion_id = :id order by occurred_on desc, id desc limit :limit offset :offset
				""")
			.param("id", championId)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> new ActivityRow(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
					ActivityKind.valueOf(rs.getString("kind")), rs.getString("description"),
					(Integer) rs.getObject("reach"), rs.getString("link"), rs.getLong("recorded_by"), null))
			.list();
		Map<Long, String> names = people.namesOf(rows.stream().map(ActivityRow::recordedBy).toList());
		return new PageImpl<>(rows.stream().map(row -> row.named(names.get(row.recordedBy()))).toList(), pageable,
				total);
	}

	/** Offers waiting for the strategist, the oldest first, with who made them. */
	public List<PendingRequest> pending() {
		return pending(Integer.MAX_VALUE);
	}

	/** The {@code limit} oldest offers waiting for the strategist, with who made them and their department now. */
	public List<PendingRequest> pending(int limit) {
		List<PendingRequest> rows = jdbc.sql("""
				select id, person_id, pitch, platforms, skills, open_to_mentoring, created_at from champion_request
				where status = 'PENDING' order by created_at, id limit :limit
				""").param("limit", limit).query((rs, n) -> new PendingRequest(rs.getLong("id"), rs.getLong("person_id"), null,
				null, rs.getString("pitch"), split(rs.getString("platforms")).stream().map(Platform::valueOf).toList(),
				split(rs.getString("skills")), rs.getBoolean("open_to_mentoring"),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant())).list();
		Map<Long, PersonSummary> who = people.summariesOf(rows.stream().map(PendingRequest::personId).toList());
		Map<Long, String> departmentNames = DepartmentOption.namesById(departments.options());
		return rows.stream().map(row -> {
			PersonSummary person = who.get(row.personId());
			return person == null ? row
					: row.named(person.name(), person.departmentId() == null ? null : departmentNames.get(person.departmentId()));
		}).toList();
	}

	/** How many offers wait for the strategist. */
	public long countPending() {
		return jdbc.sql("select count(*) from champion_request where status = 'PENDING'").query(Long.class).single();
	}

	/**
	 * The skills champions have, most common first, for the skill filter (kept for a minute,
	 * forgotten when a champion is added or changed).
	 */
	@Cacheable(SKILLS)
	public List<String> skills(int limit) {
		return jdbc.sql("select skill from champion_skill group by skill order by count(*) desc, skill limit :limit")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	private List<ChampionCard> named(List<ChampionCard> cards) {
		Map<Long, String> names = departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getId, DepartmentOption::getName));
		return cards.stream().map(card -> card.named(names.get(card.departmentId()))).toList();
	}

	private static ChampionCard card(ResultSet rs, int n) throws SQLException {
		return new ChampionCard(rs.getLong("id"), rs.getString("person_name"), (Long) rs.getObject("department_id"),
				null, ChampionStatus.valueOf(rs.getString("status")), rs.getBoolean("open_to_mentoring"),
				rs.getObject("since", LocalDate.class),
				strings(rs.getArray("platforms")).stream().map(Platform::valueOf).toList(),
				strings(rs.getArray("skills")), rs.getLong("recent"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static List<String> orNone(List<String> values) {
		return values.isEmpty() ? List.of("") : values;
	}

	private static List<String> split(String value) {
		return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
	}

	/** A department's champion coverage. */
	public record Coverage(long departmentId, String departmentName, long activeChampions, long recentActivities) {

		private static final Comparator<Coverage> BY_NAME = Comparator.comparing(Coverage::departmentName,
				String.CASE_INSENSITIVE_ORDER);

		private static final Map<String, Comparator<Coverage>> SORT_KEYS = Map.of("department", BY_NAME, "active",
				Comparator.comparingLong(Coverage::activeChampions), "recent",
				Comparator.comparingLong(Coverage::recentActivities));

		public boolean uncovered() {
			return activeChampions == 0;
		}

		/**
		 * The order {@code sort} asks for, by the keys {@code department}, {@code active} and
		 * {@code recent} (others are ignored), then by name; without one, uncovered departments
		 * first.
		 */
		static Comparator<Coverage> order(Sort sort) {
			Comparator<Coverage> order = null;
			for (Sort.Order requested : sort) {
				Comparator<Coverage> key = SORT_KEYS.get(requested.getProperty());
				if (key != null) {
					key = requested.isDescending() ? key.reversed() : key;
					order = order == null ? key : order.thenComparing(key);
				}
			}
			if (order == null) {
				order = Comparator.comparing((Coverage c) -> !c.uncovered());
			}
			return order.thenComparing(BY_NAME).thenComparingLong(Coverage::departmentId);
		}

	}

	/** One activity in a champion's history, with who logged it. */
	public record ActivityRow(long id, LocalDate occurredOn, ActivityKind kind, String description, Integer reach,
			String link, long recordedBy, String recordedByName) {

		ActivityRow named(String recordedByName) {
			return new ActivityRow(id, occurredOn, kind, description, reach, link, recordedBy, recordedByName);
		}

	}

	/** An offer waiting for the strategist: who made it, and their department now ({@code null}: none). */
	public record PendingRequest(long id, long personId, String name, String departmentName, String pitch,
			List<Platform> platforms, List<String> skills, boolean openToMentoring, java.time.Instant createdAt) {

		PendingRequest named(String name, String departmentName) {
			return new PendingRequest(id, personId, name, departmentName, pitch, platforms, skills, openToMentoring,
					createdAt);
		}

	}

}
