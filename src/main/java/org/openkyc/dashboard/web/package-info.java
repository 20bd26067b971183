/** The dashboard's API. */
@NullMarked
package org.openkyc.dashboard.web;

import org.jspecify.annotations.NullMarked;
