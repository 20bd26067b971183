package org.openkyc.tenancy;

/** What the invited person sees before accepting: who invites them, to which address. */
public record PendingInvitation(String email, String companyName) {}
