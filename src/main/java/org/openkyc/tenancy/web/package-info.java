/** HTTP for tenancy: the sign-up, account, company, team and application pages and API. */
@NullMarked
package org.openkyc.tenancy.web;

import org.jspecify.annotations.NullMarked;
