package org.waterhole.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

	private final DepartmentRepository departments;

	DepartmentService(DepartmentRepository departments) {
		this.departments = departments;
	}

	public Page<DepartmentRow> page(String query, Pageable pageable) {
		return departments.findRows(LikePattern.contains(query), pageable);
	}

	/** Every department, by name, for a form's or filter's choices. */
	public List<DepartmentOption> options() {
		return departments.findOptions();
	}

	/** How many people are on record in each department (departments with nobody are left out). */
	public Map<Long, Long> peopleCounts() {
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : departments.countPeopleByDepartment()) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		return counts;
	}

	public DepartmentDetails details(long id) {
		Department department = load(id);
		return new DepartmentDetails(department.getId(), department.getName(), department.getDescription(),
				department.getHeadcount(), departments.countPeople(id), department.getVersion(),
				department.getCreatedAt(), department.getUpdatedAt());
	}

	DepartmentForm form(long id) {
		Department department = load(id);
		DepartmentForm form = new DepartmentForm();
		form.setName(department.getName());
		form.setDescription(department.getDescription());
		form.setHeadcount(department.getHeadcount());
		form.setVersion(department.getVersion());
		return form;
	}

	@Transactional
	public long create(DepartmentForm form) {
		requireUniqueName(form.getName(), null);
		Department department = new Department(form.getName(), form.getDescription(), form.getHeadcount());
		return saveUnique(department).getId();
	}

	@Transactional
	public void update(long id, DepartmentForm form) {
		Department department = load(id);
		StaleEditException.check("Department", id, form.getVersion(), department.getVersion());
		requireUniqueName(form.getName(), id);
		department.update(form.getName(), form.getDescription(), form.getHeadcount());
		saveUnique(department);
	}

	private void requireUniqueName(String name, Long self) {
		departments.findByNameIgnoringCase(name)
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw new DuplicateException("name");
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
			throw ex;
		}
	}

	private Department load(long id) {
		return departments.findById(id).orElseThrow(() -> new NotFoundException("Department", id));
	}

}
