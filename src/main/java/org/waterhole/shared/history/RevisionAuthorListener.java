package org.waterhole.shared.history;

import org.hibernate.envers.RevisionListener;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names the author of each new revision: the signed-in user of the thread that made the change,
 * or nobody (the system) when no one is signed in.
 */
class RevisionAuthorListener implements RevisionListener {

	@Override
	public void newRevision(Object revision) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		if (authentication.getPrincipal() instanceof Author author) {
			((Revision) revision).setAuthor(author.getDisplayName(), author.getEmail());
		}
		else {
			((Revision) revision).setAuthor(authentication.getName(), authentication.getName());
		}
	}

}
