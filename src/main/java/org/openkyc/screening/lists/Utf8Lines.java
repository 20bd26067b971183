package org.openkyc.screening.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a UTF-8 stream, one at a time, for files too large to hold (FollowTheMoney exports run to
 * gigabytes). Each line is decoded on its own, so an invalid byte is refused with its exact line and byte offset;
 * {@code \r\n} ends a line as {@code \n} does.
 */
final class Utf8Lines {

    /** The longest line accepted: a line without end is a broken or hostile file, not an entity. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final String what;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    private final byte[] buffer = new byte[65536];
    private int position;
    private int filled;
    private int number;
    private long offset;
    private long next;

    Utf8Lines(InputStream in, String what) {
        this.in = in;
        this.what = what;
    }

    /** The next line without its end, or null at the end of the stream. */
    @Nullable
    String next() throws IOException {
        line.reset();
        offset = next;
        boolean any = false;
        while (true) {
            if (position == filled) {
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            next += position - start;
            if (line.size() > MAX_LINE_BYTES) {
                throw new ListFormatException(
                        what + " line " + (number + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
            }
            if (position < filled) {
                position++;
                next++;
                break;
            }
        }
        number++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return ListInput.utf8(java.util.Arrays.copyOf(bytes, length), what, number, offset);
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    int number() {
        return number;
    }
}
