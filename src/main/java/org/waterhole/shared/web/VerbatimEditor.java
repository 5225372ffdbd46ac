package org.waterhole.shared.web;

import java.beans.PropertyEditorSupport;

/**
 * Binds text exactly as typed, for fields such as passwords where leading and trailing spaces
 * are part of the value: {@code binder.registerCustomEditor(String.class, "password", new VerbatimEditor())}.
 */
public class VerbatimEditor extends PropertyEditorSupport {

	@Override
	public void setAsText(String text) {
		setValue(text);
	}

}
