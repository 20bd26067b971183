/** HTTP for flows: the flow API and the flow builder pages. */
@NullMarked
package org.openkyc.flows.web;

import org.jspecify.annotations.NullMarked;
