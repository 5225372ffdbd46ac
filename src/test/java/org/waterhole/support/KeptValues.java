package org.waterhole.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.shared.Tags;

/**
 * Hostile values that a form may keep, each carrying a marker no other value has, and what must
 * become of one that was kept: stored exactly as sent in a column (after the cleaning every text
 * field gets: control characters removed, the ends trimmed), and shown on every page and file as
 * text, never as markup.
 */
public final class KeptValues {

	/** A value as a form sends it, as it must be kept, and the marker that finds it in tables and pages. */
	public record Value(String sent, String kept, String marker) {

		/** The value for a log line: its marker and kind, not 100,000 characters. */
		@Override
		public String toString() {
			return marker + " " + kind();
		}

		private String kind() {
			String shown = kept.replace(marker, "…");
			return shown.length() > 40 ? shown.substring(0, 40) + "…(" + kept.length() + " characters)" : shown;
		}

	}

	/** Where {@code MARK} stands for the marker: the value as sent, and as it must be kept. */
	private static final List<List<String>> KINDS = List.of(
			List.of("<script>alert('MARK')</script>", "<script>alert('MARK')</script>"),
			List.of("\"><img src=x onerror=alert('MARK')>", "\"><img src=x onerror=alert('MARK')>"),
			List.of("{{7*7}} [[${7*7}]] [(${7*7})] *{7*7} #{7*7} @{/x} ~{x} __${7*7}__ MARK",
					"{{7*7}} [[${7*7}]] [(${7*7})] *{7*7} #{7*7} @{/x} ~{x} __${7*7}__ MARK"),
			List.of(" \u0000MARK\u0001\u0007\u001b[31m\u007f\u009b \u202Eexe.txt\u202C مرحبا 👩🏽‍💻\t ",
					"MARK[31m \u202Eexe.txt\u202C مرحبا 👩🏽‍💻"),
			List.of("MARK " + "x".repeat(100_000) + " MARK", "MARK " + "x".repeat(100_000) + " MARK"));

	/** The columns of free tags (and their history's). */
	private static final Set<String> TAG_COLUMNS = Set.of("case_study_tag.tag", "champion_skill.skill");

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final JdbcClient jdbc;

	private final String containing;

	private final String exact;

	public KeptValues(JdbcClient jdbc, Set<String> leftOut) {
		this.jdbc = jdbc;
		List<String[]> columns = jdbc.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and (c.data_type in ('text', 'character varying') or c.udt_name in ('_text', '_varchar'))
				order by c.table_name, c.column_name""")
			.query((row, i) -> new String[] { row.getString(1), row.getString(2), row.getString(3) })
			.list()
			.stream()
			.filter(column -> !leftOut.contains(column[0]))
			.toList();
		this.containing = columns.stream()
			.map(c -> "select '%1$s.%2$s' from %1$s where position(:marker in %2$s::text) > 0".formatted(c[0], c[1]))
			.collect(Collectors.joining(" union "));
		this.exact = columns.stream()
			.map(c -> ("select '%1$s.%2$s' from %1$s where " + (c[2].equals("ARRAY") ? ":kept = any(%2$s)" : "%2$s = :kept"))
				.formatted(c[0], c[1]))
			.collect(Collectors.joining(" union "));
	}

	/** One value of each kind, with markers no value had before. */
	public static List<Value> fresh() {
		List<Value> values = new ArrayList<>();
		for (List<String> kind : KINDS) {
			String marker = "hostile%06d".formatted(NEXT.incrementAndGet());
			values.add(new Value(kind.get(0).replace("MARK", marker), kind.get(1).replace("MARK", marker), marker));
		}
		return values;
	}

	/** The columns (table.column) that hold the value's marker, whatever else they hold. */
	public List<String> columnsWithMarker(Value value) {
		return jdbc.sql(containing).param("marker", value.marker()).query(String.class).list();
	}

	/**
	 * The columns (table.column) that hold the value exactly as it must be kept (or an array with
	 * it); a column of free tags holds it as the tag it names ({@link Tags#normalize}: lower case,
	 * words joined by hyphens, punctuation dropped), as the forms say they do.
	 */
	public List<String> columnsWithValue(Value value) {
		List<String> columns = new ArrayList<>(jdbc.sql(exact).param("kept", value.kept()).query(String.class).list());
		jdbc.sql(exact)
			.param("kept", Tags.normalize(value.kept()))
			.query(String.class)
			.list()
			.stream()
			.filter(column -> TAG_COLUMNS.contains(column.replaceFirst("_aud\\.", ".")))
			.forEach(columns::add);
		return columns;
	}

	/**
	 * What on the page was made from a hostile value as markup: a script element running it, an
	 * image it added, an attribute of its event handlers. Empty when every value shows as text.
	 */
	public static List<String> injected(Document page) {
		List<String> made = new ArrayList<>();
		for (Element element : page.getAllElements()) {
			if (element.is("script") && (element.data().contains("hostile") || element.data().contains("alert("))) {
				made.add(element.outerHtml());
			}
			if (element.is("img[src=x]")) {
				made.add(element.outerHtml());
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase();
				if ((name.startsWith("on") && attribute.getValue().contains("alert(")) || name.contains("hostile")
						|| name.contains("alert(")) {
					made.add("<" + element.tagName() + " " + attribute.html() + ">");
				}
			}
		}
		return made;
	}

	/**
	 * Whether the page shows the value as it was kept, literally (or as the tag it names, where it
	 * went into tags): in its text (as a browser would lay it out, runs of blanks as one) or in an
	 * attribute (a form field's value, a link's title).
	 */
	public static boolean showsLiterally(Document page, Value value) {
		String text = StringUtil.normaliseWhitespace(page.text());
		List<String> attributes = page.getAllElements()
			.stream()
			.flatMap(element -> element.attributes().asList().stream())
			.map(Attribute::getValue)
			.toList();
		return Stream.of(value.kept(), Tags.normalize(value.kept()))
			.anyMatch(shown -> text.contains(StringUtil.normaliseWhitespace(shown).strip())
					|| attributes.stream().anyMatch(attribute -> attribute.contains(shown)));
	}

	/**
	 * The text without control characters (and without the replacement character an HTML parser
	 * puts for a NUL), its ends trimmed: how text sent with them compares with what was kept.
	 */
	public static String withoutControls(String text) {
		return text.codePoints()
			.filter(c -> c == '\t' || c == '\n' || !(Character.isISOControl(c) || c == '\uFFFD'))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
	}

	/** Whether a cell of the CSV file holds the value as it was kept. */
	public static boolean inCsv(String csv, Value value) {
		try {
			for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(csv.replaceFirst("^\uFEFF", "")))) {
				for (String cell : row) {
					if (cell.contains(value.kept())) {
						return true;
					}
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
