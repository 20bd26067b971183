package org.openkyc.core.mail;

import org.jspecify.annotations.Nullable;

/** A plain-text message to one recipient, with at most one attachment. */
public record Mail(
        String to, String subject, String body, @Nullable Attachment attachment) {

    /** A file sent with a mail, such as a report as PDF. */
    public record Attachment(String filename, String contentType, byte[] content) {}

    public Mail(String to, String subject, String body) {
        this(to, subject, body, null);
    }
}
