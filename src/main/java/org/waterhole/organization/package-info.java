/**
 * The organisation: departments, the people who work in them and the accounts they sign in
 * with, with their roles. It is the vocabulary every other module refers to by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.waterhole.organization;
