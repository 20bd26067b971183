/** Authentication of workplace sessions and API bearer credentials, resolved to an Actor per request. */
@NullMarked
package org.openkyc.core.security;

import org.jspecify.annotations.NullMarked;
