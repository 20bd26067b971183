/**
 * Identity documents: reading machine-readable zones (from text or from photos by OCR), measuring photo quality, and
 * the document check of the hosted flow with its fields, rules and duplicates.
 */
@ApplicationModule(allowedDependencies = {"core", "media", "applicants", "flows :: definition"})
@NullMarked
package org.openkyc.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
