package org.waterhole.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.LikePattern;

/** Lists, shows, creates and edits departments. */
@Service
@Transactional(readOnly = true)
public class DepartmentService {

	/** The cache of {@link #options()}: asked for on most pages, changed rarely. */
	static final String OPTIONS = "departmentOptions";

	private final DepartmentRepository departments;

	private final JdbcClient jdbc;

	DepartmentService(DepartmentRepository departments, JdbcClient jdbc) {
		this.departments = departments;
		this.jdbc = jdbc;
	}

	public Page<DepartmentRow> page(String query, Pageable pageable) {
		return departments.findRows(LikePattern.contains(query), pageable);
	}

	/**
	 * Every department, by name, for a form's or filter's choices. Cached: creating or editing a
	 * department (its name, its check-in interval) empties the cache once its transaction committed.
	 */
	@Cacheable(OPTIONS)
	public List<DepartmentOption> options() {
		return List.copyOf(departments.findOptions());
	}

	/**
	 * How many people are on record in each department: its current members, not former members
	 * (departments with nobody are left out). Read from the count kept per department as people
	 * are written ({@code department_people}), not counted.
	 */
	public Map<Long, Long> peopleCounts() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql(PEOPLE_COUNTS).query((rs, n) -> counts.put(rs.getLong("department_id"), rs.getLong("people"))).list();
		return counts;
	}

	/** Each department's current members as kept by the trigger on person (see V26). */
	private static final String PEOPLE_COUNTS = """
			select department_id, people from department_people where people > 0
			""";

	public DepartmentDetails details(long id) {
		Department department = load(id);
		return new DepartmentDetails(department.getId(), department.getName(), department.getCode(),
				department.getDescription(),
				department.getHeadcount(), department.getCheckInDays(), departments.countPeople(id),
				department.getVersion(),
				department.getCreatedAt(), department.getUpdatedAt());
	}

	DepartmentForm form(long id) {
		Department department = load(id);
		DepartmentForm form = new DepartmentForm();
		form.setName(department.getName());
		form.setCode(department.getCode());
		form.setDescription(department.getDescription());
		form.setHeadcount(department.getHeadcount());
		form.setCheckInDays(department.getCheckInDays());
		form.setVersion(department.getVersion());
		return form;
	}

	@Transactional
	@CacheEvict(cacheNames = OPTIONS, allEntries = true)
	public long create(DepartmentForm form) {
		requireUnique(form, null);
		Department department = new Department(form.getName(), form.getCode(), form.getDescription(),
				form.getHeadcount(), form.getCheckInDays());
		return saveUnique(department).getId();
	}

	@Transactional
	@CacheEvict(cacheNames = OPTIONS, allEntries = true)
	public void update(long id, DepartmentForm form) {
		Department department = load(id);
		StaleEditException.check("Department", id, form.getVersion(), department.getVersion());
		requireUnique(form, id);
		department.update(form.getName(), form.getCode(), form.getDescription(), form.getHeadcount(),
				form.getCheckInDays());
		saveUnique(department);
	}

	private void requireUnique(DepartmentForm form, Long self) {
		requireNoOther(departments.findByNameIgnoringCase(form.getName()), self, "name");
		if (form.getCode() != null) {
			requireNoOther(departments.findByCodeIgnoringCase(form.getCode()), self, "code");
		}
	}

	private static void requireNoOther(Optional<Department> found, Long self, String field) {
		found.filter(other -> !other.getId().equals(self)).ifPresent(other -> {
			throw new DuplicateException(field);
		});
	}

	/** Saves now, so that a name taken in the meantime by someone else is reported on the form. */
	private Department saveUnique(Department department) {
		try {
			return departments.saveAndFlush(department);
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_department_name")) {
				throw new DuplicateException("name");
			}
			if (DuplicateException.violates(ex, "uk_department_code")) {
				throw new DuplicateException("code");
			}
			throw ex;
		}
	}

	private Department load(long id) {
		return departments.findById(id).orElseThrow(() -> new NotFoundException("Department", id));
	}

}
