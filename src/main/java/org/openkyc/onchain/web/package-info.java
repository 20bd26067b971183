/** The attestation API. */
@NullMarked
package org.openkyc.onchain.web;

import org.jspecify.annotations.NullMarked;
