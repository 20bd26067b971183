/** The models and databases packaged in the jar, unpacked once and found wherever OpenKYC is started. */
@NullMarked
package org.openkyc.core.models;

import org.jspecify.annotations.NullMarked;
