package org.waterhole.playbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.casestudy.CaseStudyCard;
import org.waterhole.casestudy.Library;
import org.waterhole.champion.Directory;
import org.waterhole.experiment.Experiments;
import org.waterhole.playbook.SignalReader.Department;

/**
 * The strategist's agenda: what needs attention today, across the modules. Departments are due
 * for a check-in when their interval has passed since their last event recorded by hand; any
 * event recorded for them starts it again.
 */
@Service
@Transactional(readOnly = true)
public class Agenda {

	/** How many items each list of the agenda shows; the rest are counted. */
	static final int ITEMS = 5;

	private final Playbook playbook;

	private final Library library;

	private final Experiments experiments;

	private final Directory champions;

	private final PlaybookProperties settings;

	private final Clock clock;

	Agenda(Playbook playbook, Library library, Experiments experiments, Directory champions,
			PlaybookProperties settings, Clock clock) {
		this.playbook = playbook;
		this.settings = settings;
		this.library = library;
		this.experiments = experiments;
		this.champions = champions;
		this.clock = clock;
	}

	public AgendaView today() {
		LocalDate today = LocalDate.now(clock);
		Map<Long, Department> departments = playbook.departments();
		Map<Long, Signals> signals = playbook.today(departments);

		List<AgendaView.CheckInDue> due = signals.values()
			.stream()
			.map(s -> {
				// Worked out here rather than through the playbook's transactional proxy: 120 calls a visit.
				Playbook.CheckIn checkIn = Playbook.checkIn(s, settings);
				return checkIn.due() ? new AgendaView.CheckInDue(s.departmentId(), s.departmentName(), s.stage(),
						s.lastRecorded(), checkIn.dueOn(), checkIn.intervalDays()) : null;
			})
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(AgendaView.CheckInDue::dueOn)
				.thenComparing(AgendaView.CheckInDue::departmentName, String.CASE_INSENSITIVE_ORDER))
			.toList();

		Page<CaseStudyCard> reviews = library.needingReview(PageRequest.of(0, ITEMS));
		Experiments.Overdue overdue = experiments.overdue(ITEMS);
		Map<Long, AgendaView.DepartmentSuggestion> first = playbook.firstSuggestions(signals);
		List<Directory.PendingRequest> pending = champions.pending(ITEMS);

		return new AgendaView(today, new AgendaView.Listing<>(first(due), due.size()),
				new AgendaView.Listing<>(reviews.getContent()
					.stream()
					.map(c -> new AgendaView.CaseStudyDue(c.id(), c.title(), c.reviewBy()))
					.toList(), reviews.getTotalElements()),
				new AgendaView.Listing<>(overdue.experiments()
					.stream()
					.map(e -> new AgendaView.ExperimentDue(e.id(), e.title(), name(departments, e.departmentId()),
							e.plannedEnd()))
					.toList(), overdue.total()),
				new AgendaView.Listing<>(pending.stream()
					.map(p -> new AgendaView.VolunteerDue(p.id(), p.name(), p.departmentName(), p.createdAt()))
					.toList(), champions.countPending()),
				new AgendaView.Listing<>(Playbook.mostPressing(departments, first.values(), ITEMS), first.size()));
	}

	private static <T> List<T> first(List<T> items) {
		return items.size() > ITEMS ? items.subList(0, ITEMS) : items;
	}

	private static String name(Map<Long, Department> departments, long id) {
		Department department = departments.get(id);
		return department == null ? null : department.name();
	}

}
