#!/usr/bin/env bash
# DICOM coverage (issue #26 item 2): how many files of a corpus LungLens opens, against dcmtk's dcmj2pnm, and
# whether their samples agree where both open a file. Never part of `mvn verify` or CI; needs dcmtk (and openjpeg's
# opj_compress for the JPEG 2000 files of the made corpus).
#
#   benchmarks/dicom-corpus.sh            # a corpus made here with dcmtk from a film of ../shared/data
#   benchmarks/dicom-corpus.sh DIR...     # every file under DIR (e.g. a public test corpus), as it is
#
# Prints one line a file (dcmj2pnm opens/fails, LungLens opens/refuses, largest sample difference, LungLens' message)
# and the totals. SKIP_BUILD=1 reuses target/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
fi
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
run() { java -Xmx1g -Djava.awt.headless=true -Dlunglens.shared="$PWD/../shared" -cp "$CP" org.lunglens.imaging.DicomCorpus "$@"; }
if [[ $# -eq 0 ]]; then
  CORPUS=$(mktemp -d)
  trap 'rm -rf "$CORPUS"' EXIT
  run make "$CORPUS"
  set -- "$CORPUS"
fi
run check "$@"
