/**
 * Security configuration: form login, role hierarchy, and the {@link org.waterhole.shared.security.UrlRules}
 * through which each module declares who may reach its URLs.
 */
@org.springframework.modulith.NamedInterface("security")
package org.waterhole.shared.security;
