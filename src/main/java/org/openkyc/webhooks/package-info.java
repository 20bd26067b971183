/**
 * Webhooks: every applicant event is written to an outbox in the transaction of the change, then delivered
 * encrypted and signed to the application's webhook URL, with retries, a delivery log and redelivery.
 */
@ApplicationModule(
        allowedDependencies = {"core", "tenancy", "applicants", "applicants :: lifecycle", "flows :: definition"})
@NullMarked
package org.openkyc.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
