package org.waterhole.shared.web;

import java.beans.PropertyEditorSupport;

/**
 * Text as users type it, made safe to keep: control characters (NUL and the like, which
 * PostgreSQL refuses and nobody means to type) are removed, tabs and line breaks kept, line breaks
 * as {@code \n} (browsers send a text area's as CR LF: unchanged text then stays equal to what is
 * saved), the ends trimmed; blank becomes {@code null}, so that "required" means "has something
 * in it".
 */
public final class TextInput {

	private TextInput() {
	}

	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.replace("\r\n", "\n")
			.replace('\r', '\n')
			.codePoints()
			.filter(c -> c == '\t' || c == '\n' || !Character.isISOControl(c))
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
