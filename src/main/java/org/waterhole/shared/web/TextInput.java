package org.waterhole.shared.web;

import java.beans.PropertyEditorSupport;

/**
 * Text as users type it, made safe to keep: control characters (NUL and the like, which
 * PostgreSQL refuses and nobody means to type) are removed, tabs and line breaks kept, the ends
 * trimmed; blank becomes {@code null}, so that "required" means "has something in it".
 */
public final class TextInput {

	private TextInput() {
	}

	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.filter(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c))
			.forEach(kept::appendCodePoint);
		String cleaned = kept.toString().strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** The property editor that binds every text field and request parameter through {@link #clean}. */
	static final class Editor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(clean(text));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

}
