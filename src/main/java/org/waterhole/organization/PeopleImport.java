package org.waterhole.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.ImportReport.Outcome;
import org.waterhole.organization.ImportReport.Row;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.TextInput;

/**
 * Imports people from a CSV file with the columns name, email, job title and department (in
 * any order, any case; comma, semicolon or tab separated; UTF-8). A row whose email is known
 * updates that person (an empty job title or department cell keeps what is on record); any
 * other valid row creates one; an invalid row is refused with its reasons and changes nothing. The accepted rows are written in one transaction: the import
 * happens whole or, if the database refuses it, not at all.
 */
@Service
public class PeopleImport {

	static final int MAX_ROWS = 10_000;

	private static final int LOOKUP_CHUNK = 1_000;

	private static final Map<String, String> COLUMNS = Map.of("name", "name", "email", "email", "jobtitle",
			"jobTitle", "title", "jobTitle", "department", "department");

	private final PersonRepository people;

	private final DepartmentRepository departments;

	private final Validator validator;

	private final MessageSource messages;

	private final SignedInSessions sessions;

	private final ApplicationEventPublisher events;

	PeopleImport(PersonRepository people, DepartmentRepository departments, Validator validator,
			MessageSource messages, SignedInSessions sessions, ApplicationEventPublisher events) {
		this.people = people;
		this.departments = departments;
		this.validator = validator;
		this.messages = messages;
		this.sessions = sessions;
		this.events = events;
	}

	@Transactional
	public ImportReport run(InputStream csv) throws IOException {
		String text;
		try {
			text = decode(csv);
		}
		catch (CharacterCodingException ex) {
			return ImportReport.failed("import.file.notUtf8");
		}
		if (text.isBlank()) {
			return ImportReport.failed("import.file.empty");
		}
		List<CSVRecord> records = new ArrayList<>();
		Map<String, String> columns;
		int width;
		try (CSVParser parser = format(text).parse(new StringReader(text))) {
			columns = columns(parser.getHeaderNames());
			width = parser.getHeaderNames().size();
			List<String> missing = COLUMNS.values().stream().distinct().filter(c -> !columns.containsValue(c)).sorted().toList();
			if (!missing.isEmpty()) {
				return ImportReport.failed("import.file.missingColumns",
						missing.stream().map(this::label).collect(Collectors.joining(", ")));
			}
			for (CSVRecord record : parser) {
				if (record.stream().allMatch(value -> TextInput.clean(value) == null)) {
					continue; // spreadsheets export empty rows as ",,,"
				}
				if (records.size() == MAX_ROWS) {
					return ImportReport.failed("import.file.tooManyRows", MAX_ROWS);
				}
				records.add(record);
			}
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			// What Commons CSV throws for a file it can't read (an unclosed quote, a broken header).
			return ImportReport.failed("import.file.notCsv");
		}
		if (records.isEmpty()) {
			return ImportReport.failed("import.file.noRows");
		}
		return apply(records, columns, width);
	}

	private ImportReport apply(List<CSVRecord> records, Map<String, String> columns, int width) {
		Map<String, Department> departmentsByName = departments.findAll()
			.stream()
			.collect(Collectors.toMap(d -> d.getName().toLowerCase(Locale.ROOT), Function.identity(), (first, second) -> first));
		Map<String, Long> firstRowOfEmail = new HashMap<>();
		List<Row> report = new ArrayList<>();
		Map<Integer, Candidate> candidates = new LinkedHashMap<>();

		for (CSVRecord record : records) {
			long number = record.getRecordNumber() + 1;
			Candidate candidate = read(record, columns);
			List<String> problems = new ArrayList<>();
			if (record.size() != width) {
				problems.add(message("import.row.columns", record.size(), width));
			}
			for (ConstraintViolation<PersonForm> violation : validator.validate(candidate.form())) {
				problems.add(label(violation.getPropertyPath().toString()) + ": " + violation.getMessage());
			}
			Department department = null;
			if (candidate.department() != null) {
				department = departmentsByName.get(candidate.department().toLowerCase(Locale.ROOT));
				if (department == null) {
					problems.add(message("import.row.unknownDepartment", candidate.department()));
				}
			}
			String email = Person.normalizeEmail(candidate.form().getEmail());
			if (email != null && problems.isEmpty()) {
				Long first = firstRowOfEmail.putIfAbsent(email, number);
				if (first != null) {
					problems.add(message("import.row.duplicateEmail", first));
				}
			}
			if (!problems.isEmpty()) {
				report.add(new Row(number, candidate.form().getName(), candidate.form().getEmail(), Outcome.REFUSED,
						List.copyOf(problems), List.of()));
			}
			else {
				candidates.put(report.size(), candidate.withDepartment(department));
				report.add(null);
			}
		}

		Map<String, Person> existing = existingByEmail(
				candidates.values().stream().map(c -> Person.normalizeEmail(c.form().getEmail())).toList());
		List<Person> created = new ArrayList<>();
		List<String> signInsChanged = new ArrayList<>();
		candidates.forEach((index, candidate) -> {
			PersonForm form = candidate.form();
			Person person = existing.get(Person.normalizeEmail(form.getEmail()));
			Outcome outcome;
			List<String> changes = List.of();
			if (person == null) {
				created.add(new Person(form.getName(), form.getEmail(), form.getJobTitle(), candidate.resolved()));
				outcome = Outcome.CREATED;
			}
			else {
				// A blank job title or department keeps what is on record: a column left empty in a
				// spreadsheet must not take people out of their departments.
				String jobTitle = form.getJobTitle() != null ? form.getJobTitle() : person.getJobTitle();
				Department department = candidate.department() != null ? candidate.resolved() : person.getDepartment();
				changes = changes(person, form.getName(), jobTitle, department);
				boolean signInChanged = person.changesSignIn(form.getName(), form.getEmail(), department);
				person.update(form.getName(), form.getEmail(), jobTitle, department);
				if (signInChanged) {
					signInsChanged.add(person.getEmail());
					events.publishEvent(person.updated());
				}
				outcome = changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
			}
			long number = records.get(index).getRecordNumber() + 1;
			report.set(index, new Row(number, form.getName(), Person.normalizeEmail(form.getEmail()), outcome,
					List.of(), changes));
		});
		people.saveAll(created);
		people.flush();
		signInsChanged.forEach(sessions::end);
		return ImportReport.of(report, created.stream().map(Person::getId).toList());
	}

	/** The labels of the fields an import row would change on a known person. */
	private List<String> changes(Person person, String name, String jobTitle, Department department) {
		List<String> changes = new ArrayList<>();
		if (!Objects.equals(person.getName(), name)) {
			changes.add(label("name"));
		}
		if (!Objects.equals(person.getJobTitle(), jobTitle)) {
			changes.add(label("jobTitle"));
		}
		Long before = person.getDepartment() == null ? null : person.getDepartment().getId();
		Long after = department == null ? null : department.getId();
		if (!Objects.equals(before, after)) {
			changes.add(label("department"));
		}
		return changes;
	}

	private Map<String, Person> existingByEmail(List<String> emails) {
		Map<String, Person> found = new HashMap<>();
		for (int from = 0; from < emails.size(); from += LOOKUP_CHUNK) {
			List<String> chunk = emails.subList(from, Math.min(emails.size(), from + LOOKUP_CHUNK));
			people.findByEmailInForUpdate(chunk).forEach(person -> found.put(person.getEmail(), person));
		}
		return found;
	}

	private static Candidate read(CSVRecord record, Map<String, String> columns) {
		Map<String, String> values = new HashMap<>();
		columns.forEach((header, column) -> values.put(column, record.isSet(header) ? TextInput.clean(record.get(header)) : null));
		PersonForm form = new PersonForm(values.get("name"), values.get("email"), values.get("jobTitle"), null);
		return new Candidate(form, values.get("department"), null);
	}

	/** Maps each header of the file to the column it names ("Job title" → jobTitle). */
	private static Map<String, String> columns(List<String> headers) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String header : headers) {
			String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
			String column = COLUMNS.get(key);
			if (column != null && !columns.containsValue(column)) {
				columns.put(header, column);
			}
		}
		return columns;
	}

	/** The file's text, refusing anything that is not UTF-8 (a byte-order mark is skipped). */
	private static String decode(InputStream csv) throws IOException {
		BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(csv).get();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(withoutBom, decoder))) {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[8192];
			for (int read; (read = reader.read(buffer)) != -1;) {
				text.append(buffer, 0, read);
			}
			return text.toString();
		}
	}

	/** Comma-separated unless the header row is clearly separated by semicolons or tabs. */
	private static CSVFormat format(String text) {
		String header = text.lines().findFirst().orElse("");
		char delimiter = ',';
		long commas = header.chars().filter(c -> c == ',').count();
		if (header.chars().filter(c -> c == ';').count() > commas) {
			delimiter = ';';
		}
		else if (header.chars().filter(c -> c == '\t').count() > commas) {
			delimiter = '\t';
		}
		return CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setAllowMissingColumnNames(true)
			.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
			.setTrim(true)
			.get();
	}

	private String label(String column) {
		return message("person." + column);
	}

	private String message(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/** A row read from the file; {@code resolved} is its department once looked up. */
	private record Candidate(PersonForm form, String department, Department resolved) {

		Candidate withDepartment(Department department) {
			return new Candidate(form, this.department, department);
		}

	}

}
