package org.waterhole.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people kept per department ({@code department_people}) are, after every kind of write, the
 * department's current members counted from the people: people added in a department or in none,
 * moved between departments, placed in one, renamed, erased and removed.
 */
@WaterholeTest
class DepartmentPeopleTests {

	@Autowired
	TestData data;

	@Autowired
	PersonService people;

	@Autowired
	DepartmentService departments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_people_kept_per_department_are_its_current_members_after_every_write() {
		long first = data.department();
		long second = data.department();
		long moving = data.person(first);
		long erased = data.person(second);
		long removed = data.person(second);
		long renamed = data.person(first);
		data.person(first);
		long placed = data.person(null);
		assertThat(kept(first, second)).isEqualTo(Map.of(first, 3L, second, 2L)).isEqualTo(counted(first, second));

		PersonForm move = people.form(moving);
		move.setDepartmentId(second);
		people.update(moving, move);
		PersonForm rename = people.form(renamed);
		rename.setName(rename.getName() + " Junior");
		people.update(renamed, rename);
		people.placeInDepartment(placed, first);
		jdbc.sql("update person set erased_at = now() where id = :id").param("id", erased).update();
		jdbc.sql("delete from person where id = :id").param("id", removed).update();

		assertThat(kept(first, second)).isEqualTo(Map.of(first, 3L, second, 1L)).isEqualTo(counted(first, second));
		assertThat(departments.peopleCounts()).containsEntry(first, 3L).containsEntry(second, 1L);
	}

	@Test
	void a_department_whose_people_all_left_has_none() {
		long department = data.department();
		long person = data.person(department);
		PersonForm form = people.form(person);
		form.setDepartmentId(null);
		people.update(person, form);

		assertThat(kept(department)).isEqualTo(Map.of(department, 0L)).isEqualTo(counted(department));
		assertThat(departments.peopleCounts()).doesNotContainKey(department);
	}

	/** The people kept for the departments, 0 for those without a row. */
	private Map<Long, Long> kept(Long... ids) {
		return byDepartment("""
				select d.id as department_id, coalesce(k.people, 0) as people
				from department d left join department_people k on k.department_id = d.id
				where d.id = any(:ids)
				""", ids);
	}

	/** The departments' people counted from the people. */
	private Map<Long, Long> counted(Long... ids) {
		return byDepartment("""
				select d.id as department_id,
				  (select count(*) from person p where p.department_id = d.id and p.erased_at is null) as people
				from department d where d.id = any(:ids)
				""", ids);
	}

	private Map<Long, Long> byDepartment(String sql, Long... ids) {
		Map<Long, Long> people = new HashMap<>();
		jdbc.sql(sql)
			.param("ids", List.of(ids).toArray(Long[]::new))
			.query((rs, n) -> people.put(rs.getLong("department_id"), rs.getLong("people")))
			.list();
		return people;
	}

}
