/**
 * The case-study library, for the first tactic, Educate: the strategist curates case studies
 * and research from reputable sources; everyone finds them by full-text search and filters,
 * reads them and marks the helpful ones; the strategist sees who read what, by department.
 * <p>
 * Publishing a case study publishes {@link org.waterhole.casestudy.CaseStudyPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case-study library")
package org.waterhole.casestudy;
