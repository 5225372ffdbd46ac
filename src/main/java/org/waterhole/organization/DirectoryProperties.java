package org.waterhole.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Signing in with a directory password, through the login form ({@code waterhole.ldap.*}, from
 * {@code WATERHOLE_LDAP_*} in the environment; the README's "Sign-in" shows them for OpenLDAP and
 * Active Directory). Switched on by a URL. People type their email and their directory password;
 * Waterhole finds their entry, binds as it to check the password, and reads who they are.
 *
 * @param url the directory, {@code ldap://ldap.example.org:389} or {@code ldaps://…}; blank for none
 * @param baseDn the root of the entries searched ({@code dc=example,dc=org})
 * @param activeDirectoryDomain the Active Directory domain ({@code example.org}): set, Spring
 * Security's Active Directory provider is used, which binds as {@code email} and reads groups from
 * {@code memberOf}
 * @param managerDn the entry Waterhole searches as, blank to search anonymously
 * @param managerPassword its password
 * @param userSearchBase where people's entries are, below the base ({@code ou=people})
 * @param userSearchFilter how the typed email finds an entry ({@code {0}} is what was typed)
 * @param groupSearchBase where groups are, below the base ({@code ou=groups})
 * @param groupSearchFilter how a person's groups are found ({@code {0}} is their entry's DN)
 * @param attributes which attributes say who someone is
 * @param timeout how long to wait for the directory to connect, and to answer
 */
@ConfigurationProperties("waterhole.ldap")
record DirectoryProperties(String url, @DefaultValue("") String baseDn, String activeDirectoryDomain, String managerDn,
		String managerPassword, @DefaultValue("") String userSearchBase, @DefaultValue("(mail={0})") String userSearchFilter,
		@DefaultValue("") String groupSearchBase, @DefaultValue("(member={0})") String groupSearchFilter,
		@DefaultValue Attributes attributes, @DefaultValue("5s") Duration timeout) {

	boolean enabled() {
		return StringUtils.hasText(url);
	}

	boolean activeDirectory() {
		return StringUtils.hasText(activeDirectoryDomain);
	}

	/**
	 * @param email the attribute holding the email (when missing, what the person typed)
	 * @param name their name
	 * @param jobTitle their job title
	 * @param department their department's code or name
	 * @param group the attribute naming a group, on a group's entry
	 */
	record Attributes(@DefaultValue("mail") String email, @DefaultValue("cn") String name,
			@DefaultValue("title") String jobTitle, @DefaultValue("departmentNumber") String department,
			@DefaultValue("cn") String group) {
	}

}
