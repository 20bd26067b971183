@NullMarked
package org.openkyc.core.db;

import org.jspecify.annotations.NullMarked;
