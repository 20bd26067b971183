/** The profile's Liveness and Face match blocks. */
@NullMarked
package org.openkyc.biometrics.web;

import org.jspecify.annotations.NullMarked;
