package org.waterhole.organization;

import java.time.Instant;

/**
 * The strategist erased a person: their account is gone and the person is a former member with
 * no name, email or job title. Modules that hold something about the person fold it into counts
 * or end it (a champion profile), keeping their department's figures as they were.
 *
 * <p>
 * It is published in the erasing transaction before the person's name and email are blanked: a
 * module whose own texts name the person listens in that transaction (an event listener, not an
 * application module listener) and reads them with {@link PersonErasure#namesAndEmails}. The
 * event itself carries no name, so that the event publication registry never keeps one.
 *
 * @param departmentId the department the person was in, {@code null} for none
 */
public record PersonErased(long personId, Long departmentId, Instant erasedAt) {

	/** What an erased person is called everywhere a name was: the product speaks English only. */
	public static final String FORMER_MEMBER = "Former member";

}
