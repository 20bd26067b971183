package org.openkyc.hosted;

import java.time.Instant;
import org.openkyc.flows.definition.StepSettings.Network;

/** The message the applicant signs with the key of {@code address}, and until when a signature of it counts. */
public record Challenge(Network network, String address, String message, Instant freshUntil) {}
