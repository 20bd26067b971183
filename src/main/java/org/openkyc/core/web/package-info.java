@NullMarked
package org.openkyc.core.web;

import org.jspecify.annotations.NullMarked;
