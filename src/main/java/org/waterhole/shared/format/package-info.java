/**
 * Formatting of dates, times and numbers for the user's locale, and the application clock.
 */
@org.springframework.modulith.NamedInterface("format")
package org.waterhole.shared.format;
