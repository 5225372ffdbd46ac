package org.waterhole.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.web.TextInput;

/**
 * Slows down password guessing: {@value #ACCOUNT_LIMIT} failed sign-ins with one email, or
 * {@value #ADDRESS_LIMIT} from one client address, within {@link #WINDOW} pause signing in with
 * that email or from that address for {@link #PAUSE}. Emails are counted as typed, whether an
 * account has them or not, so the pause tells nobody which accounts exist. A successful sign-in
 * clears its email's failures. The counts are in PostgreSQL, shared by every instance.
 * <p>
 * Sign-ins are counted from Spring Security's events, whichever provider checked the password,
 * and the form sign-in is paused before any provider sees it ({@link ThrottledAuthenticationManager}).
 * Other checks of a password (the current one, before changing it) use {@link #isPaused},
 * {@link #failed} and {@link #succeeded} themselves, and so share the counts.
 */
@Component
@Transactional
public class SignInThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final int ADDRESS_LIMIT = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration PAUSE = Duration.ofMinutes(15);

	static final int EMAIL_KEY_LENGTH = 320;

	/** Requests for a link to set a password, per email as typed, within {@link #WINDOW}. */
	static final int LINK_EMAIL_LIMIT = 3;

	/** Requests for a link to set a password from one client address, within {@link #WINDOW}. */
	static final int LINK_ADDRESS_LIMIT = 10;

	/** The prefix of the keys that count requests for a link apart from failed sign-ins. */
	static final String LINK_KEY = "link:";

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether signing in with this email, or from this address, is paused now. Without an
	 * address (none known), only the email's pause counts.
	 */
	@Transactional(readOnly = true)
	public boolean isPaused(String email, String address) {
		return jdbc.sql("select exists (select 1 from sign_in_failure where key in (:keys) and blocked_until > :now)")
			.param("keys", keys(email, address))
			.param("now", now())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts a request for a link to set a password ("forgot your password?") with this email from
	 * this address, apart from sign-ins: {@value #LINK_EMAIL_LIMIT} requests with one email, or
	 * {@value #LINK_ADDRESS_LIMIT} from one address, within {@link #WINDOW} pause further requests
	 * with that email or from that address for {@link #PAUSE}.
	 * @return whether the link may be sent; {@code false}: paused, send nothing
	 */
	public boolean countPasswordLinkRequest(String email, String address) {
		OffsetDateTime now = now();
		String emailKey = LINK_KEY + emailKey(email);
		String addressKey = LINK_KEY + addressKey(address);
		boolean paused = jdbc.sql("select count(*) > 0 from sign_in_failure where blocked_until > :now and key in (:keys)")
			.param("now", now)
			.param("keys", List.of(emailKey, addressKey))
			.query(Boolean.class)
			.single();
		if (paused) {
			return false;
		}
		count(emailKey, LINK_EMAIL_LIMIT, now);
		count(addressKey, LINK_ADDRESS_LIMIT, now);
		return true;
	}


	/** Whether this sign-in (its email as typed, the address it comes from) is paused now. */
	@Transactional(readOnly = true)
	public boolean isPaused(Authentication attempt) {
		return isPaused(String.valueOf(attempt.getPrincipal()), address(attempt));
	}

	/** One more failure for the email and, if known, the address: a wrong password for it. */
	public void failed(String email, String address) {
		OffsetDateTime now = now();
		count(emailKey(email), ACCOUNT_LIMIT, now);
		if (address != null) {
			count(addressKey(address), ADDRESS_LIMIT, now);
		}
		// Failures are rare: forgetting the old ones on the way keeps the table small.
		jdbc.sql("delete from sign_in_failure where window_start < :old and (blocked_until is null or blocked_until < :now)")
			.param("old", now.minus(WINDOW))
			.param("now", now)
			.update();
	}

	/** Forgets the email's failures: its password was right. */
	public void succeeded(String email) {
		jdbc.sql("delete from sign_in_failure where key = :key").param("key", emailKey(email)).update();
	}

	/** Forgets everything counted for the email: failed sign-ins and requests for a link. */
	public void forget(String email) {
		jdbc.sql("delete from sign_in_failure where key in (:keys)")
			.param("keys", List.of(emailKey(email), LINK_KEY + emailKey(email)))
			.update();
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		failed(String.valueOf(event.getAuthentication().getPrincipal()), address(event.getAuthentication()));
	}

	@EventListener
	void signInSucceeded(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName());
	}

	/** One more failure for {@code key} in its window (a new window once the last one is over). */
	private void count(String key, int limit, OffsetDateTime now) {
		jdbc.sql("""
				insert into sign_in_failure as f (key, failures, window_start, blocked_until)
				values (:key, 1, :now, case when 1 >= :limit then cast(:pausedUntil as timestamptz) end)
				on conflict (key) do update set
				  failures = case when f.window_start > :windowFrom then f.failures + 1 else 1 end,
				  window_start = case when f.window_start > :windowFrom then f.window_start else :now end,
				  blocked_until = case
				    when (case when f.window_start > :windowFrom then f.failures + 1 else 1 end) >= :limit
				    then cast(:pausedUntil as timestamptz) else f.blocked_until end
				""")
			.param("key", key)
			.param("now", now)
			.param("limit", limit)
			.param("windowFrom", now.minus(WINDOW))
			.param("pausedUntil", now.plus(PAUSE))
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	/**
	 * The key of an email as typed: cleaned like any text input and cut to
	 * {@value #EMAIL_KEY_LENGTH} characters, which no account's email reaches (one has at most 254).
	 */
	private static String emailKey(String email) {
		String typed = Objects.requireNonNullElse(TextInput.clean(email), "").toLowerCase(Locale.ROOT);
		return "email:" + typed.substring(0, Math.min(typed.length(), EMAIL_KEY_LENGTH));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static List<String> keys(String email, String address) {
		return address == null ? List.of(emailKey(email)) : List.of(emailKey(email), addressKey(address));
	}

	/** The client address a sign-in came from, if it came over the web. */
	private static String address(Authentication attempt) {
		return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
