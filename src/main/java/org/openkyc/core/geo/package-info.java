/** Where an IP address is: its country, from a local MaxMind-format database. */
@NullMarked
package org.openkyc.core.geo;

import org.jspecify.annotations.NullMarked;
