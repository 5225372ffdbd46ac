package org.waterhole.adoption;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.adoption.AdoptionLog.RecordRefused;
import org.waterhole.casestudy.Library;
import org.waterhole.champion.Directory;
import org.waterhole.experiment.Experiments;

/**
 * What the record form offers as "what answered it", and the check of what it sent, through the
 * case-study, champion and experiment modules' own services. The lists stay short at any size:
 * case studies relevant to the department and then those for everyone (the most helpful first), the
 * department's active champions and then those open to mentoring, its completed experiments (the
 * latest first), {@value #LIMIT} of each; a value chosen before (from a link or a refused form)
 * is offered too, wherever it is.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceChoices {

	static final int LIMIT = 50;

	private final Library library;

	private final Directory champions;

	private final Experiments experiments;

	EvidenceChoices(Library library, Directory champions, Experiments experiments) {
		this.library = library;
		this.champions = champions;
		this.experiments = experiments;
	}

	/**
	 * The choices for a department (none without one) by kind, each as form value and name, with
	 * {@code chosen} among them when it can be chosen; {@code unavailable} is {@code chosen} when
	 * it can't (kept, to be shown as it was sent).
	 */
	Choices choices(Long departmentId, String chosen) {
		Optional<EvidenceLink> link = EvidenceLink.parse(chosen);
		Map<Evidence, Map<String, String>> groups = new EnumMap<>(Evidence.class);
		for (Evidence kind : Evidence.values()) {
			Long also = link.filter(l -> l.kind() == kind).map(EvidenceLink::id).orElse(null);
			if (departmentId == null && also == null) {
				groups.put(kind, Map.of());
				continue;
			}
			int limit = departmentId == null ? 0 : LIMIT;
			Map<Long, String> names = switch (kind) {
				case CASE_STUDY -> library.publishedFor(departmentId, also, limit);
				case CHAMPION -> champions.activeFor(departmentId, also, limit);
				case EXPERIMENT -> experiments.completedIn(departmentId, also, limit);
			};
			Map<String, String> values = new LinkedHashMap<>();
			names.forEach((id, name) -> values.put(new EvidenceLink(kind, id, null).value(), name));
			groups.put(kind, values);
		}
		boolean offered = link.isPresent() && groups.get(link.get().kind()).containsKey(link.get().value());
		return new Choices(groups, chosen == null || offered ? null : chosen);
	}

	/**
	 * What a form sent, if it names a published case study, an active champion or a completed
	 * experiment; refused on the {@code answeredWith} field otherwise.
	 */
	EvidenceLink check(String value) {
		EvidenceLink link = EvidenceLink.parse(value)
			.orElseThrow(() -> new RecordRefused("answeredWith", "adoption.record.evidenceUnknown"));
		switch (link.kind()) {
			case CASE_STUDY -> refuseUnless(library.isPublished(link.id()), "adoption.record.evidenceNotPublished");
			case CHAMPION -> refuseUnless(champions.isActive(link.id()), "adoption.record.evidenceNotActive");
			case EXPERIMENT -> refuseUnless(experiments.isCompleted(link.id()), "adoption.record.evidenceNotCompleted");
		}
		return link;
	}

	private static void refuseUnless(boolean fine, String code) {
		if (!fine) {
			throw new RecordRefused("answeredWith", code);
		}
	}

	/** The form's choices by kind (value → name), and a chosen value that is not among them. */
	public record Choices(Map<Evidence, Map<String, String>> groups, String unavailable) {

		public boolean empty() {
			return groups.values().stream().allMatch(Map::isEmpty);
		}

	}

}
