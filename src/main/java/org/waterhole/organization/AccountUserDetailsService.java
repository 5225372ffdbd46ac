package org.waterhole.organization;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in with the email address of their person record and their account's password. */
@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Clock clock;

	AccountUserDetailsService(AccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		// An account without a password of its own yet (invited, its link not used) can't sign in with one.
		return accounts.findSignInByEmail(Person.normalizeEmail(email))
			.filter(account -> account.passwordHash() != null)
			.map(account -> new WaterholeUser(account.accountId(), account.personId(), account.departmentId(),
					account.name(), account.email(), account.passwordHash(), account.role(), account.enabled()))
			.orElseThrow(() -> new UsernameNotFoundException("no account"));
	}

	@EventListener
	@Transactional
	void recordSignIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof WaterholeUser user) {
			accounts.recordSignIn(user.getAccountId(), clock.instant());
		}
	}

}
