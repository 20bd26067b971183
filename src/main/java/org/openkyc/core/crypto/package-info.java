/** Spring-free cryptographic helpers: random tokens and fingerprints, sealed secrets, one-time passwords. */
@NullMarked
package org.openkyc.core.crypto;

import org.jspecify.annotations.NullMarked;
