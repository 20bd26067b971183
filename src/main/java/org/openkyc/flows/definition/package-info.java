/** What a flow is made of, and the rules its settings must follow; free of Spring, checked by plain tests. */
@NamedInterface("definition")
@NullMarked
package org.openkyc.flows.definition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
