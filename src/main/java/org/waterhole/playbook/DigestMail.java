package org.waterhole.playbook;

/** One digest e-mail, ready to send: to whom, its subject, and its text both plain and in HTML. */
record DigestMail(String to, String subject, String text, String html) {
}
