package org.waterhole.shared.history;

/**
 * A signed-in user as the history names them: the principal of an authentication that
 * implements it is recorded by name and email with each change they make.
 */
public interface Author {

	String getDisplayName();

	String getEmail();

}
