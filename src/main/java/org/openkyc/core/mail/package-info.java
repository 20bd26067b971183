@NullMarked
package org.openkyc.core.mail;

import org.jspecify.annotations.NullMarked;
