package org.waterhole.playbook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.waterhole.adoption.AdoptionSignals;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.DepartmentInterest;
import org.waterhole.champion.ChampionSupport;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.NotFoundException;

/**
 * Reads the signals of departments on days from the modules that hold them: three statements
 * whatever the number of departments and days (adoption, readings, champions' activities), plus
 * the departments themselves. Whether a case study is unread for a department is looked for only
 * where sharing case studies may be called for. The adoption figures are kept for a minute by their module: the
 * agenda asks for every department on each visit to the home page.
 */
@Component
class SignalReader {

	private final DepartmentService departments;

	private final AdoptionSignals adoption;

	private final DepartmentInterest interest;

	private final ChampionSupport champions;

	private final PlaybookProperties settings;

	private final Clock clock;

	SignalReader(DepartmentService departments, AdoptionSignals adoption, DepartmentInterest interest,
			ChampionSupport champions, PlaybookProperties settings, Clock clock) {
		this.departments = departments;
		this.adoption = adoption;
		this.interest = interest;
		this.champions = champions;
		this.settings = settings;
		this.clock = clock;
	}

	/** Every department on record, with its people now, by name. */
	Map<Long, Department> departments() {
		Map<Long, Long> people = departments.peopleCounts();
		Map<Long, Department> all = new LinkedHashMap<>();
		for (DepartmentOption option : departments.options()) {
			all.put(option.getId(), new Department(option.getId(), option.getName(),
					people.getOrDefault(option.getId(), 0L), option.getHeadcount(),
					option.getCreatedAt().atZone(clock.getZone()).toLocalDate(), option.getCreatedAt(),
					option.getCheckInDays()));
		}
		return all;
	}

	Department department(Map<Long, Department> all, long id) {
		Department department = all.get(id);
		if (department == null) {
			throw new NotFoundException("department", id);
		}
		return department;
	}

	/** The signals of each department on each day, by department and then by day (in the order given). */
	Map<Long, List<Signals>> read(Collection<Department> chosen, List<LocalDate> asked) {
		List<LocalDate> days = List.copyOf(asked);
		Map<Long, Department> byId = new LinkedHashMap<>();
		chosen.forEach(d -> byId.put(d.id(), d));
		// A plain list: the adoption module keeps its answers by what was asked (a minute).
		List<Long> ids = List.copyOf(byId.keySet());
		Map<Key, AdoptionSignals.Standing> standings = new HashMap<>();
		adoption.on(ids, days).forEach(s -> standings.put(new Key(s.departmentId(), s.day()), s));
		Map<Key, DepartmentInterest.Figures> reading = new HashMap<>();
		interest.figures(ids, days, unreadUpToReaders(byId.values(), standings.values()))
			.forEach(f -> reading.put(new Key(f.departmentId(), f.day()), f));
		Map<Key, Long> activities = new HashMap<>();
		champions.activities(ids, days, Dashboard.REACH_DAYS)
			.forEach(a -> activities.put(new Key(a.departmentId(), a.day()), a.activities()));
		Map<Long, List<Signals>> signals = new LinkedHashMap<>();
		byId.values().forEach(department -> {
			List<Signals> list = new ArrayList<>();
			for (LocalDate day : days) {
				Key key = new Key(department.id(), day);
				AdoptionSignals.Standing s = standings.get(key);
				DepartmentInterest.Figures r = reading.get(key);
				list.add(new Signals(department.id(), department.name(), day, department.people(), department.headcount(),
						department.onRecordSince(), s.stage(), s.stageSince(), s.openObjections(), s.newestObjection(),
						s.objectionCategories(), s.activeChampions(), s.championReports(),
						activities.getOrDefault(key, 0L), s.runningExperiments(), s.succeededExperiments(),
						s.otherExperiments(), s.startedExperiments(), r.readers(), r.helpfulMarks(), s.lastRecorded(),
						department.checkInDays(), r.unreadToShare()));
			}
			signals.put(department.id(), list);
		});
		return signals;
	}

	/**
	 * Up to how many readers each department is asked whether a case study for it is unread: those
	 * that sharing case studies may be called for on some day asked ({@link Rules#unreadUpToReaders});
	 * looking takes a search of the case studies per department.
	 */
	private Map<Long, Long> unreadUpToReaders(Collection<Department> departments,
			Collection<AdoptionSignals.Standing> standings) {
		Map<Long, Stage> earliest = new HashMap<>();
		standings.forEach(s -> earliest.merge(s.departmentId(), s.stage(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
		Map<Long, Long> upTo = new HashMap<>();
		for (Department d : departments) {
			long readers = Rules.unreadUpToReaders(earliest.get(d.id()), Signals.reachBase(d.headcount(), d.people()),
					settings);
			if (readers >= 0) {
				upTo.put(d.id(), readers);
			}
		}
		return upTo;
	}

	private record Key(long departmentId, LocalDate day) {
	}

	/**
	 * A department as the playbook needs it: its people on record now, its headcount ({@code null}
	 * when not given), when it was put on record, and its own days between check-ins ({@code null}:
	 * by stage).
	 */
	record Department(long id, String name, long people, Integer headcount, LocalDate onRecordSince,
			Instant onRecordAt,
			Integer checkInDays) {
	}

}
