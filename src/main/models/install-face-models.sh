#!/usr/bin/env bash
# Installs the face models OpenKYC uses by default into the folder given (default: models/faces): four ONNX models
# (detector, 68-point landmarks, 512-d embedding, passive liveness) of the npm package faceplugin-face-recognition-js
# 0.0.1, fetched from the npm registry and checked against the SHA-256 below. Their licence and provenance are unclear
# (see the README); an operator can point openkyc.faces.* at models they license instead.
set -euo pipefail
target=${1:-models/faces}
declare -A sums=(
  [fr_detect.onnx]=6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854
  [fr_landmark.onnx]=f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258
  [fr_feature.onnx]=87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581
  [fr_liveness.onnx]=afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d
)
installed() {
  for name in "${!sums[@]}"; do
    [[ -f "$target/$name" ]] && echo "${sums[$name]}  $target/$name" | sha256sum --check --status || return 1
  done
}
if installed; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack faceplugin-face-recognition-js@0.0.1 --silent > /dev/null)
tar -xzf "$work"/faceplugin-face-recognition-js-0.0.1.tgz -C "$work" package/model
mkdir -p "$target"
for name in "${!sums[@]}"; do
  echo "${sums[$name]}  $work/package/model/$name" | sha256sum --check --status \
    || { echo "$name does not have the expected SHA-256; not installed" >&2; exit 1; }
  cp "$work/package/model/$name" "$target/$name"
done
echo "Face models installed in $target"
