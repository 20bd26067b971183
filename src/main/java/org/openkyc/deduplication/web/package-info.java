/** The profile's Linked profiles block. */
@NullMarked
package org.openkyc.deduplication.web;

import org.jspecify.annotations.NullMarked;
