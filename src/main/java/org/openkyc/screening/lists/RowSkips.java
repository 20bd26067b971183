package org.openkyc.screening.lists;

import java.util.ArrayList;
import java.util.List;

/**
 * The malformed rows left out of one publisher file. A few bad rows in a list of thousands are the publisher's slip
 * and the rest is worth screening against; many mean the file is not what it claims, so past {@link #MAX_SHARE} of
 * the rows the file is refused. An operator's own list is {@link CsvRows.Policy#STRICT}: its first bad row refuses
 * it.
 */
final class RowSkips {

    /** The share of malformed rows above which the whole file is refused. */
    static final double MAX_SHARE = 0.01;

    /** How many reasons are kept; the count goes on. */
    static final int MAX_REASONS = 10;

    private final String file;
    private final CsvRows.Policy policy;
    private final List<String> reasons = new ArrayList<>();
    private int read;
    private int skipped;

    RowSkips(String file, CsvRows.Policy policy) {
        this.file = file;
        this.policy = policy;
    }

    void read() {
        read++;
    }

    /**
     * Notes a malformed row.
     *
     * @throws ListFormatException under the strict policy, naming the file and line
     */
    void skip(int line, String why) throws ListFormatException {
        String reason = file + " line " + line + ": " + why;
        if (policy == CsvRows.Policy.STRICT) {
            throw new ListFormatException(reason);
        }
        skipped++;
        if (reasons.size() < MAX_REASONS) {
            reasons.add(reason);
        }
    }

    /** A row that parsed but that the reader finds unusable; it was counted as read and now counts as skipped. */
    void reject(int line, String why) throws ListFormatException {
        read--;
        skip(line, why);
    }

    /**
     * @throws ListFormatException when more than {@link #MAX_SHARE} of the rows were malformed
     */
    void check() throws ListFormatException {
        int total = read + skipped;
        if (skipped > 0 && skipped > total * MAX_SHARE) {
            throw new ListFormatException(file + ": " + skipped + " of " + total
                    + " rows are malformed, too many to be a slip; the file is refused. First: " + reasons.getFirst());
        }
    }

    int skipped() {
        return skipped;
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }
}
