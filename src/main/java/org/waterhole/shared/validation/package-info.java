/**
 * Bean Validation constraints that several modules' forms use.
 */
@org.springframework.modulith.NamedInterface("validation")
package org.waterhole.shared.validation;
