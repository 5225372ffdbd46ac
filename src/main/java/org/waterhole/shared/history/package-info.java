/**
 * The history of records: who changed what and when. Hibernate Envers keeps a revision of every
 * audited record on each change ({@link org.waterhole.shared.history.Revision}, naming who made
 * it), and {@link org.waterhole.shared.history.History} reads a record's revisions back as the
 * strategist's history page shows them, field by field.
 */
@org.springframework.modulith.NamedInterface("history")
package org.waterhole.shared.history;
