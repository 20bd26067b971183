package org.openkyc.screening.lists;

import java.io.IOException;

/** A list file that is not in the format it claims; the message says what is wrong. */
public class ListFormatException extends IOException {

    public ListFormatException(String message) {
        super(message);
    }

    public ListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
