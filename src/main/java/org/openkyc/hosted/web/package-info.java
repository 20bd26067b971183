/** HTTP for the hosted flow: the pages an access link opens. */
@NullMarked
package org.openkyc.hosted.web;

import org.jspecify.annotations.NullMarked;
