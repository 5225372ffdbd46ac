package org.waterhole.experiment;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.casestudy.CaseStudyForm;
import org.waterhole.casestudy.CaseStudyService;
import org.waterhole.casestudy.EvidenceType;
import org.waterhole.experiment.Experiment.IllegalTransitionException;
import org.waterhole.shared.Texts;

/**
 * From result to evidence: a completed experiment becomes a draft case study of the kind
 * "internal result", written from its hypothesis, metric, outcome and learnings, for the
 * strategist to edit and publish.
 */
@Component
class ExperimentEvidence {

	private final ExperimentService experiments;

	private final CaseStudyService caseStudies;

	private final MessageSource messages;

	ExperimentEvidence(ExperimentService experiments, CaseStudyService caseStudies, MessageSource messages) {
		this.experiments = experiments;
		this.caseStudies = caseStudies;
		this.messages = messages;
	}

	/**
	 * The case study written from the experiment's result: the one written before, if there is
	 * one, else a new draft. Each text is cut to what a case study takes.
	 */
	@Transactional
	long draftCaseStudy(long experimentId, long authorId) {
		ExperimentView experiment = experiments.view(experimentId);
		if (experiment.status() != ExperimentStatus.COMPLETED) {
			throw new IllegalTransitionException(experiment.status(), ExperimentStatus.COMPLETED);
		}
		if (experiment.resultCaseStudyId() != null) {
			return experiment.resultCaseStudyId();
		}
		CaseStudyForm form = new CaseStudyForm();
		form.setTitle(Texts.cut(text("evidence.title", experiment.title()), CaseStudyForm.TITLE_MAX));
		form.setSummary(Texts.cut(text("evidence.summary", experiment.hypothesis(), text(experiment.outcome().messageKey())),
				CaseStudyForm.SUMMARY_MAX));
		form.setKeyFindings(Texts.cut(experiment.learnings(), CaseStudyForm.KEY_FINDINGS_MAX));
		form.setBody(body(experiment));
		form.setSourceName(text("evidence.source", experiment.departmentName()));
		form.setPublishedOn(experiment.actualEnd());
		form.setEvidenceType(EvidenceType.INTERNAL_RESULT);
		form.setPlatforms(new LinkedHashSet<>(Set.of(experiment.platform())));
		form.setDepartmentIds(new LinkedHashSet<>(Set.of(experiment.departmentId())));
		form.setTags("experiment");
		long caseStudy = caseStudies.create(form, authorId);
		experiments.recordResultCaseStudy(experimentId, caseStudy);
		return caseStudy;
	}

	private String body(ExperimentView experiment) {
		String unit = experiment.metricUnit() == null ? "" : " " + experiment.metricUnit();
		StringBuilder body = new StringBuilder();
		body.append("## ").append(text("evidence.hypothesis")).append("\n\n").append(experiment.hypothesis()).append("\n\n");
		body.append("## ").append(text("evidence.method")).append("\n\n");
		body.append(text("evidence.ran", experiment.departmentName(), text(experiment.platform().messageKey()),
				experiment.actualStart(), experiment.actualEnd(), experiment.measurements().size()))
			.append("\n\n");
		body.append("| ").append(text("evidence.metric")).append(" | ").append(text("evidence.baseline")).append(" | ")
			.append(text("evidence.target")).append(" | ").append(text("evidence.last")).append(" |\n");
		body.append("| --- | --- | --- | --- |\n");
		body.append("| ").append(experiment.metricName()).append(" | ").append(number(experiment.baseline(), unit))
			.append(" | ").append(number(experiment.target(), unit)).append(" | ")
			.append(experiment.latest() == null ? "" : number(experiment.latest().value(), unit)).append(" |\n\n");
		body.append("## ").append(text("evidence.outcome")).append("\n\n")
			.append(text(experiment.outcome().messageKey())).append("\n\n");
		body.append("## ").append(text("evidence.learnings")).append("\n\n").append(experiment.learnings()).append("\n");
		return body.toString();
	}

	private static String number(BigDecimal value, String unit) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString() + unit;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
