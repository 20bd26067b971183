/**
 * List formats and their ingestion, free of Spring: each publisher's format read in full or refused, told apart by
 * content ({@link org.openkyc.screening.lists.ListImports}, {@link org.openkyc.screening.lists.ListFiles}).
 */
@NullMarked
package org.openkyc.screening.lists;

import org.jspecify.annotations.NullMarked;
