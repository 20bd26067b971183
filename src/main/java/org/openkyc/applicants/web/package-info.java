/** HTTP for applicants: the applicant API and the applicant pages. */
@NullMarked
package org.openkyc.applicants.web;

import org.jspecify.annotations.NullMarked;
