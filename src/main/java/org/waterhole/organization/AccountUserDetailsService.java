package org.waterhole.organization;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in with the email address of their person record and their account's own password. */
@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Clock clock;

	private final boolean localPasswords;

	AccountUserDetailsService(AccountRepository accounts, Clock clock, SignInProperties properties) {
		this.accounts = accounts;
		this.clock = clock;
		this.localPasswords = properties.localPasswords();
	}

	/**
	 * The account with this email and a password of its own, while Waterhole's own passwords are
	 * in use; nobody else signs in here (they may through the directory, or single sign-on).
	 */
	@Override
	public UserDetails loadUserByUsername(String email) {
		return accounts.findSignInByEmail(Person.normalizeEmail(email))
			.filter(account -> localPasswords && account.passwordHash() != null)
			.map(WaterholeUser::withPassword)
			.orElseThrow(() -> new UsernameNotFoundException("no account with a password"));
	}

	/** Records when the account signed in; a first sign-in is told to {@link SignInSuccess}, for its notice. */
	@EventListener
	@Transactional
	void recordSignIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof WaterholeUser user) {
			if (accounts.recordFirstSignIn(user.getAccountId(), clock.instant()) == 1) {
				SignInSuccess.markFirstSignIn();
			}
			else {
				accounts.recordSignIn(user.getAccountId(), clock.instant());
			}
		}
	}

}
