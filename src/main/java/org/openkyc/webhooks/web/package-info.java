/** HTTP for webhooks: the delivery API and the delivery log page. */
@NullMarked
package org.openkyc.webhooks.web;

import org.jspecify.annotations.NullMarked;
