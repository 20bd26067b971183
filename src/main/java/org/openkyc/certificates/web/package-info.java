/** The certificates in the profile and the API. */
@NullMarked
package org.openkyc.certificates.web;

import org.jspecify.annotations.NullMarked;
