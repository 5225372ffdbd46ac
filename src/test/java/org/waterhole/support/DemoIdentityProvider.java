package org.waterhole.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID provider for the local run's "Sign in with Demo SSO" and the sign-in tests:
 * Spring Authorization Server in an application of its own, on its own port, with its own
 * login page. Started first (on a port the system gives, for the tests), it then
 * {@linkplain #admit admits} the Waterhole that was started with its address. Its users and their claims (email, whether it is verified, name, job title,
 * department, groups) are {@link DemoUser}s, which a test may change between two sign-ins. It is
 * on the test classpath only, like the demo data.
 */
public final class DemoIdentityProvider implements AutoCloseable {

	/** Waterhole's client at this provider. */
	public static final String CLIENT_ID = "waterhole";

	public static final String CLIENT_SECRET = "demo-sso-secret";

	/** The groups the local run's settings turn into roles. */
	public static final String STRATEGISTS = "waterhole-strategists";

	public static final String MANAGERS = "waterhole-managers";

	/** The password of every demo user at the provider. */
	public static final String PASSWORD = "waterhole-demo";

	/** Where the client is sent back to until {@link #admit} names a Waterhole: nowhere. */
	private static final String NO_WATERHOLE = "http://waterhole.invalid";

	private final ConfigurableApplicationContext context;

	private final Map<String, DemoUser> users;

	private final String issuer;

	private DemoIdentityProvider(ConfigurableApplicationContext context, Map<String, DemoUser> users, String issuer) {
		this.context = context;
		this.users = users;
		this.issuer = issuer;
	}

	/**
	 * Starts the provider on {@code port} (0: one the system gives, see {@link #issuer()}) with
	 * {@code users}. It knows no Waterhole until {@link #admit} names one.
	 */
	public static DemoIdentityProvider start(int port, List<DemoUser> users) {
		Map<String, DemoUser> byName = new ConcurrentHashMap<>();
		users.forEach(user -> byName.put(user.username(), user));
		String client = "--spring.security.oauth2.authorizationserver.client.waterhole.";
		SpringApplication application = new SpringApplication(Provider.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.addInitializers(context -> context.getBeanFactory().registerSingleton("demoUsers", new Users(byName)));
		// No issuer set: the provider names itself by the address it is asked at, http://localhost:<port>.
		ConfigurableApplicationContext context = application.run("--spring.config.name=demo-identity-provider",
				"--server.port=" + port, "--spring.main.banner-mode=off",
				client + "registration.client-id=" + CLIENT_ID,
				client + "registration.client-secret={noop}" + CLIENT_SECRET,
				client + "registration.client-authentication-methods=client_secret_basic",
				client + "registration.authorization-grant-types=authorization_code",
				client + "registration.redirect-uris=" + NO_WATERHOLE + "/login/oauth2/code/sso",
				client + "registration.scopes=openid,profile,email",
				client + "require-authorization-consent=false");
		int bound = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new DemoIdentityProvider(context, byName, "http://localhost:" + bound);
	}

	/**
	 * Lets the Waterhole at {@code waterholeUrl} sign people in here: its addresses for the answer
	 * and after signing out become the client's.
	 */
	public DemoIdentityProvider admit(String waterholeUrl) {
		RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
		RegisteredClient client = clients.findByClientId(CLIENT_ID);
		clients.save(RegisteredClient.from(client)
			.redirectUris(uris -> {
				uris.clear();
				uris.add(waterholeUrl + "/login/oauth2/code/sso");
			})
			.postLogoutRedirectUris(uris -> {
				uris.clear();
				uris.add(waterholeUrl + "/login?logout");
			})
			.build());
		return this;
	}

	/** The demo organisation's people at the provider: the three demo logins and two who are new to Waterhole. */
	public static List<DemoUser> demoUsers() {
		return List.of(
				new DemoUser("sam", "strategist@demo.waterhole", true, "Sam Rivera", "Social Media Strategist", "MCOM",
						List.of(STRATEGISTS)),
				new DemoUser("dana", "manager@demo.waterhole", true, "Dana Okafor", "Head of Admissions", "ADM",
						List.of(MANAGERS)),
				new DemoUser("lee", "staff@demo.waterhole", true, "Lee Chen", "Librarian", "LIB", List.of()),
				new DemoUser("alex", "alex.morgan@demo.waterhole", true, "Alex Morgan", "Research Impact Manager",
						"Research Office", List.of(MANAGERS)),
				new DemoUser("jo", "jo.bianchi@demo.waterhole", true, "Jo Bianchi", "Events Coordinator", null, List.of()));
	}

	public String issuer() {
		return issuer;
	}

	/** Adds {@code user}, or changes the one with the same username: their next sign-in carries it. */
	public void put(DemoUser user) {
		users.put(user.username(), user);
	}

	@Override
	public void close() {
		context.close();
	}

	/**
	 * Someone at the provider, signing in there with their username and {@link #PASSWORD}.
	 *
	 * @param department a department's code or name, or {@code null}
	 */
	public record DemoUser(String username, String email, boolean emailVerified, String name, String jobTitle,
			String department, List<String> groups) {

		public DemoUser withGroups(List<String> groups) {
			return new DemoUser(username, email, emailVerified, name, jobTitle, department, groups);
		}

	}

	/** The provider's users, by username. */
	record Users(Map<String, DemoUser> byName) {
	}

	/**
	 * The provider's application: a web server and Spring Boot's authorization server, and nothing
	 * else of what the classpath holds for Waterhole (no database, no modules).
	 */
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
			OAuth2AuthorizationServerJwtAutoConfiguration.class })
	static class Provider {

		@Bean
		UserDetailsService demoUserDetails(Users demoUsers) {
			return username -> {
				DemoUser user = demoUsers.byName().get(username);
				if (user == null) {
					throw new UsernameNotFoundException(username);
				}
				return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
			};
		}

		/** The person's claims in the ID token (the user-info answer follows it). */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> demoClaims(Users demoUsers) {
			return context -> {
				DemoUser user = demoUsers.byName().get(context.getPrincipal().getName());
				if (user == null || !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				Map<String, Object> claims = new LinkedHashMap<>();
				claims.put("email", user.email());
				claims.put("email_verified", user.emailVerified());
				claims.put("name", user.name());
				claims.put("job_title", user.jobTitle());
				claims.put("department", user.department());
				claims.put("groups", user.groups());
				claims.forEach((name, value) -> {
					if (value != null) {
						context.getClaims().claim(name, value);
					}
				});
			};
		}

	}

}
