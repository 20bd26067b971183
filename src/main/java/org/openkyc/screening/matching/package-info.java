/** Name normalisation and matching, free of Spring. */
@NullMarked
package org.openkyc.screening.matching;

import org.jspecify.annotations.NullMarked;
