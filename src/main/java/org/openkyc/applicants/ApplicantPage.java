package org.openkyc.applicants;

import java.util.List;

/** One page of applicants, newest first, and how many match in all. */
public record ApplicantPage(List<ApplicantView> items, int page, int size, long total) {}
