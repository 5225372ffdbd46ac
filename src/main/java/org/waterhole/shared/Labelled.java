package org.waterhole.shared;

/** A value shown by a message of its own, such as an enum's constant named in the user's language. */
public interface Labelled {

	/** The key of the message that names the value. */
	String messageKey();

}
