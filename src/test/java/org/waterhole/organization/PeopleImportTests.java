package org.waterhole.organization;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.ImportReport.Outcome;
import org.waterhole.organization.ImportReport.Row;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class PeopleImportTests {

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	PersonService people;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Test
	void good_rows_create_known_emails_update_and_bad_rows_are_refused_with_reasons() throws Exception {
		String department = TestData.unique("Import Dept");
		data.department(department);
		String known = TestData.unique("Known");
		long knownId = data.person(known, null);
		String unchanged = TestData.unique("Same");
		data.person(unchanged, null);
		String fresh = TestData.unique("Fresh");
		String tag = TestData.unique("x").replace(" ", "");

		String csv = String.join("\n", "Department,Name,E-mail,Job Title",
				department.toUpperCase() + "," + fresh + "," + TestData.email(fresh) + ",Analyst",
				department + ",Known Renamed," + TestData.email(known).toUpperCase() + ",Officer",
				"," + unchanged + "," + TestData.email(unchanged) + ",",
				department + ",,missing.name." + tag + "@test.waterhole,",
				department + ",Bad Email,not-an-email,",
				"No Such Department " + tag + ",Lost," + "lost." + tag + "@test.waterhole,",
				department + ",Twice," + TestData.email(fresh) + ",",
				department + ",Too,many." + tag + "@test.waterhole,Columns,Here");

		ImportReport report = run(csv);

		assertThat(report.failed()).isFalse();
		Map<Long, Row> rows = report.rows().stream().collect(Collectors.toMap(Row::number, Function.identity()));
		assertThat(rows.get(2L).outcome()).isEqualTo(Outcome.CREATED);
		assertThat(rows.get(3L).outcome()).isEqualTo(Outcome.UPDATED);
		assertThat(rows.get(4L).outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(rows.get(5L).problems()).singleElement().asString().contains("Name").contains("Enter a value.");
		assertThat(rows.get(6L).problems()).singleElement().asString().contains("Enter an email address");
		assertThat(rows.get(7L).problems()).singleElement().asString().contains("There is no department named");
		assertThat(rows.get(8L).problems()).singleElement().asString().contains("already on row 2");
		assertThat(rows.get(9L).problems()).singleElement().asString().contains("5 columns where the header has 4");
		assertThat(report.count(Outcome.REFUSED)).isEqualTo(5);

		assertThat(people.page(fresh, null, Pageable.unpaged()).getContent()).singleElement()
			.satisfies(row -> assertThat(row.getDepartmentName()).isEqualTo(department));
		PersonForm renamed = people.form(knownId);
		assertThat(renamed.getName()).isEqualTo("Known Renamed");
		assertThat(renamed.getJobTitle()).isEqualTo("Officer");
		// Refused rows wrote nothing, not even part of themselves.
		assertThat(people.page(tag, null, Pageable.unpaged())).isEmpty();
		assertThat(people.page("Lost", null, Pageable.unpaged()).getContent())
			.noneMatch(row -> row.getEmail().contains(tag));
	}

	@Test
	void importing_the_same_file_twice_changes_nothing_the_second_time() throws Exception {
		String name = TestData.unique("Twice Imported");
		String csv = "name,email,job title,department\n" + name + "," + TestData.email(name) + ",,\n";
		assertThat(run(csv).rows()).extracting(Row::outcome).containsExactly(Outcome.CREATED);
		assertThat(run(csv).rows()).extracting(Row::outcome).containsExactly(Outcome.UNCHANGED);
	}

	@Test
	void semicolons_quotes_and_a_byte_order_mark_are_understood() throws Exception {
		String name = TestData.unique("O'Neil; \"Junior\"");
		String csv = "\uFEFFname;email;job title;department\n\"" + name.replace("\"", "\"\"") + "\";"
				+ TestData.email(name) + ";\"Head; of things\";\n";
		ImportReport report = run(csv);
		assertThat(report.rows()).extracting(Row::outcome).containsExactly(Outcome.CREATED);
		assertThat(report.rows().get(0).name()).isEqualTo(name);
	}

	@Test
	void a_file_without_the_columns_or_not_in_utf8_is_refused_as_a_whole() throws Exception {
		assertThat(run("first,second\na,b\n").fileProblem()).isEqualTo("import.file.missingColumns");
		assertThat(run("").fileProblem()).isEqualTo("import.file.empty");
		assertThat(run("name,email,job title,department\n").fileProblem()).isEqualTo("import.file.noRows");
		byte[] latin1 = "name,email,job title,department\nJosé,jose@test.waterhole,,\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(peopleImport.run(new ByteArrayInputStream(latin1)).fileProblem()).isEqualTo("import.file.notUtf8");
		assertThat(run("name,email,job title,department\n\"unclosed,a@b.c,,\n").fileProblem())
			.isEqualTo("import.file.notCsv");
	}

	@Test
	void five_thousand_rows_import_in_one_go() throws Exception {
		String department = TestData.unique("Big Import");
		data.department(department);
		String tag = TestData.unique("bulk").replace(" ", "");
		StringBuilder csv = new StringBuilder("name,email,job title,department\n");
		for (int i = 0; i < 5_000; i++) {
			csv.append("Bulk Person ").append(i).append(',')
				.append(tag).append('.').append(i).append("@test.waterhole,Officer,")
				.append(department).append('\n');
		}
		long start = System.nanoTime();
		ImportReport report = run(csv.toString());
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(report.count(Outcome.CREATED)).isEqualTo(5_000);
		assertThat(people.page(tag, null, Pageable.ofSize(1)).getTotalElements()).isEqualTo(5_000);
		System.out.printf("Imported 5,000 people in %d ms%n", millis);
	}

	@Test
	void more_rows_than_allowed_are_refused_before_anything_is_written() throws Exception {
		String tag = TestData.unique("toomany").replace(" ", "");
		StringBuilder csv = new StringBuilder("name,email,job title,department\n");
		for (int i = 0; i <= PeopleImport.MAX_ROWS; i++) {
			csv.append("P").append(i).append(',').append(tag).append(i).append("@test.waterhole,,\n");
		}
		assertThat(run(csv.toString()).fileProblem()).isEqualTo("import.file.tooManyRows");
		assertThat(people.page(tag, null, Pageable.ofSize(1))).isEmpty();
	}

	@Test
	void the_upload_page_reports_row_by_row() throws Exception {
		String name = TestData.unique("Uploaded <i>Person</i>");
		String csv = "name,email,job title,department\n" + name + "," + TestData.email(name) + ",,\n,,,\nNo Email,,,\n";
		mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "staff.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 created, 0 updated, 0 unchanged, 1 refused.")))
			.andExpect(content().string(containsString("Uploaded &lt;i&gt;Person&lt;/i&gt;")))
			.andExpect(content().string(containsString("Report for staff.csv")));
		mvc.perform(multipart("/people/import").with(csrf()).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a CSV file to import.")));
	}

	private ImportReport run(String csv) throws Exception {
		return peopleImport.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
