package org.waterhole.organization;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.util.StringUtils;
import org.waterhole.shared.security.SignInProblem;
import org.waterhole.shared.security.SignInProblemException;

/**
 * Signing in with a directory password, through Spring Security LDAP: bind authentication (or
 * Active Directory's provider), then {@link ExternalSignIn} finds or makes the account from the
 * entry's attributes, its groups giving the role, exactly as for single sign-on.
 */
final class DirectorySignIn implements UserDetailsContextMapper {

	private final DirectoryProperties properties;

	private final ExternalSignIn signIns;

	private DirectorySignIn(DirectoryProperties properties, ExternalSignIn signIns) {
		this.properties = properties;
		this.signIns = signIns;
	}

	/**
	 * The authentication provider for the directory {@code properties} name; a directory that
	 * doesn't answer ends the sign-in with {@link SignInProblem#DIRECTORY}.
	 */
	static AuthenticationProvider provider(DirectoryProperties properties, ExternalSignIn signIns) {
		AbstractLdapAuthenticationProvider provider = properties.activeDirectory() ? activeDirectory(properties)
				: bind(properties);
		provider.setUserDetailsContextMapper(new DirectorySignIn(properties, signIns));
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication attempt) {
				try {
					return provider.authenticate(attempt);
				}
				catch (InternalAuthenticationServiceException | NamingException ex) {
					throw new SignInProblemException(SignInProblem.DIRECTORY, "the directory did not answer", ex);
				}
				catch (IncorrectResultSizeDataAccessException ex) {
					// Two entries with the typed email: neither is taken to be the one signing in.
					throw new BadCredentialsException("more than one directory entry has this email", ex);
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return provider.supports(authentication);
			}

		};
	}

	private static LdapAuthenticationProvider bind(DirectoryProperties properties) {
		DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(
				List.of(properties.url().replaceAll("/+$", "")), properties.baseDn());
		if (StringUtils.hasText(properties.managerDn())) {
			directory.setUserDn(properties.managerDn());
			directory.setPassword(properties.managerPassword());
		}
		directory.setBaseEnvironmentProperties(timeouts(properties));
		directory.afterPropertiesSet();
		BindAuthenticator authenticator = new BindAuthenticator(directory);
		authenticator.setUserSearch(
				new FilterBasedLdapUserSearch(properties.userSearchBase(), properties.userSearchFilter(), directory));
		DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(directory,
				properties.groupSearchBase());
		groups.setGroupSearchFilter(properties.groupSearchFilter());
		groups.setGroupRoleAttribute(properties.attributes().group());
		groups.setRolePrefix("");
		groups.setConvertToUpperCase(false);
		groups.setSearchSubtree(true);
		return new LdapAuthenticationProvider(authenticator, groups);
	}

	private static ActiveDirectoryLdapAuthenticationProvider activeDirectory(DirectoryProperties properties) {
		ActiveDirectoryLdapAuthenticationProvider provider = new ActiveDirectoryLdapAuthenticationProvider(
				properties.activeDirectoryDomain(), properties.url(),
				StringUtils.hasText(properties.baseDn()) ? properties.baseDn() : null);
		provider.setConvertSubErrorCodesToExceptions(true);
		provider.setContextEnvironmentProperties(Map.copyOf(timeouts(properties)));
		return provider;
	}

	private static Map<String, Object> timeouts(DirectoryProperties properties) {
		String millis = Long.toString(properties.timeout().toMillis());
		return Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis);
	}

	@Override
	public UserDetails mapUserFromContext(DirContextOperations entry, String username,
			Collection<? extends GrantedAuthority> authorities) {
		DirectoryProperties.Attributes attributes = properties.attributes();
		String email = entry.getStringAttribute(attributes.email());
		ExternalIdentity identity = new ExternalIdentity(StringUtils.hasText(email) ? email : username,
				entry.getStringAttribute(attributes.name()), entry.getStringAttribute(attributes.jobTitle()),
				entry.getStringAttribute(attributes.department()), groupsOf(authorities));
		return WaterholeUser.external(signIns.signIn(identity));
	}

	/** The groups' names (Active Directory's provider gives the names of those in {@code memberOf}). */
	private static Set<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
		Set<String> groups = new HashSet<>();
		authorities.forEach(authority -> groups.add(authority.getAuthority()));
		return groups;
	}

	@Override
	public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
		throw new UnsupportedOperationException("Waterhole never writes to the directory");
	}

}
