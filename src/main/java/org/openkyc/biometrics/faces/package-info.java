/**
 * Faces, free of Spring: detection, 68-point landmarks, alignment, embeddings, passive liveness and head pose, run
 * with ONNX Runtime on models found in a folder.
 */
@NullMarked
package org.openkyc.biometrics.faces;

import org.jspecify.annotations.NullMarked;
