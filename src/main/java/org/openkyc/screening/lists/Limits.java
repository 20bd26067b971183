package org.openkyc.screening.lists;

/**
 * How much of an upload OpenKYC reads before refusing it. A list comes from outside: a file may be far larger than
 * any real list, or a small archive may inflate to fill the disk or memory (a zip bomb), so every read stops with a
 * {@link ListFormatException} at the first limit passed rather than after exhausting the machine.
 *
 * @param maxFileBytes the largest file (or ZIP archive) accepted as it lies on disk
 * @param maxDecompressedBytes the most bytes read out of one gzip file, or out of all entries of a ZIP together
 * @param maxZipEntries the most entries a ZIP may hold
 * @param maxEntities the most entities one upload may yield; for FollowTheMoney, also the most entities kept in
 *     memory while links are resolved
 */
public record Limits(long maxFileBytes, long maxDecompressedBytes, int maxZipEntries, int maxEntities) {

    /**
     * Room for the largest lists published today (OpenSanctions' complete FollowTheMoney export is a few gigabytes,
     * OFAC's SDN enhanced XML about a hundred megabytes).
     */
    public static final Limits DEFAULT = new Limits(8L << 30, 16L << 30, 100, 5_000_000);

    public Limits {
        if (maxFileBytes <= 0 || maxDecompressedBytes <= 0 || maxZipEntries <= 0 || maxEntities <= 0) {
            throw new IllegalArgumentException("Every limit must be positive");
        }
    }
}
