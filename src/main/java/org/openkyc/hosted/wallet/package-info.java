/** Proof that an applicant controls a crypto address: signed-message verification for Ethereum and Bitcoin. */
@NullMarked
package org.openkyc.hosted.wallet;

import org.jspecify.annotations.NullMarked;
