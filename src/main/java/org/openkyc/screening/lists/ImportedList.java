package org.openkyc.screening.lists;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;

/**
 * One list read in full. It is never partial: a file that cannot be read whole ends in a
 * {@link ListFormatException} instead. The only rows left out are the malformed single rows of a large publisher's
 * CSV (US CSL, BIS DPL, OFAC's CSV set), which are counted here.
 *
 * @param format what the file was recognised as, from its content
 * @param published when the publisher says the file was generated, where the file states it (the UN's
 *     {@code dateGenerated}, the EU's {@code generationDate}, the FCDO's {@code DateGenerated}, OFAC's
 *     {@code dataAsOf}, OFSI's "Last Updated"); a date or time without zone is taken as UTC
 * @param entities at least one
 * @param skipped how many malformed rows were left out
 * @param skippedReasons the first few of them, each naming its file and line
 */
public record ImportedList(
        ListFormat format,
        @Nullable Instant published,
        List<ListEntity> entities,
        int skipped,
        List<String> skippedReasons) {

    public ImportedList {
        entities = List.copyOf(entities);
        skippedReasons = List.copyOf(skippedReasons);
    }
}
