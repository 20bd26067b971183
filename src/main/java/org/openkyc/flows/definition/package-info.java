/** What a flow is made of, and the rules its settings must follow; free of Spring, checked by plain tests. */
@NullMarked
package org.openkyc.flows.definition;

import org.jspecify.annotations.NullMarked;
