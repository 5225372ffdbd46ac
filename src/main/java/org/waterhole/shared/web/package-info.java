/**
 * Web helpers every module's controllers use: flash messages, sortable and paginated lists,
 * search patterns, form binding.
 */
@org.springframework.modulith.NamedInterface("web")
package org.waterhole.shared.web;
