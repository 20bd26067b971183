/** The Advanced KYC Bot's rules page. */
@NullMarked
package org.openkyc.bots.web;

import org.jspecify.annotations.NullMarked;
