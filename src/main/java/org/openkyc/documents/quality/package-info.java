/** Image quality of document photos, measured from the pixels: focus, glare, colour, position. Free of Spring. */
@NamedInterface("quality")
@NullMarked
package org.openkyc.documents.quality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
