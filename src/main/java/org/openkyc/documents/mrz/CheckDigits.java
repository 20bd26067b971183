package org.openkyc.documents.mrz;

/**
 * The check digit of Doc 9303 (Part 3, 4.9): each character's value (digits as themselves, A to Z as 10 to 35, the
 * filler {@code <} as 0) weighted 7, 3, 1 in turn, summed, modulo 10.
 *
 * <p>A property of the scheme worth knowing: two characters whose values differ by 10 (0 and A, 1 and B, … or 0 and
 * the filler) give the same sum modulo 10, so swapping one for the other goes unseen by every check digit.
 */
public final class CheckDigits {

    private CheckDigits() {}

    public static int of(CharSequence field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    /** The character's value, or -1 for a character an MRZ does not use. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }
}
