/**
 * The case-study library, for the first tactic, Educate: the strategist curates case studies
 * and research from reputable sources; everyone finds them by full-text search and filters,
 * reads them and marks the helpful ones; the strategist sees who read what, by department.
 * <p>
 * Publishing a case study publishes {@link org.waterhole.casestudy.CaseStudyPublished}. Named
 * readings and helpful marks older than {@code waterhole.privacy.named-readings}, and all of an
 * erased person's ({@link org.waterhole.organization.PersonErased}), are folded into anonymous
 * counts that every figure adds, which publishes {@link org.waterhole.casestudy.NamedReadingsFolded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case-study library")
package org.waterhole.casestudy;
