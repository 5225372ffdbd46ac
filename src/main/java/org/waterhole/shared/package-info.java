/**
 * What every module stands on: the page layout, error pages, security configuration,
 * formatting of dates and numbers, pagination and form helpers.
 * <p>
 * It depends on no other module; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package org.waterhole.shared;
