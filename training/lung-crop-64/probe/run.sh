#!/bin/bash
# The probe end to end, in a scratch folder (never this repository): segmenter data, segmenter, masks, crops.
# Needs: python3 with numpy and PIL; a built target/ (lunglens.jar and lib/); a snapshot of moritzhauschulz/my_COMP70014
# (its path is in prep_seg.py); the staged sets of training/stage-external.sh under /work/staging.
set -e
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../../.." && pwd)
work=${1:-/tmp/lung-probe}; mkdir -p "$work"; cp "$here"/*.py "$here"/SegProbe.java "$work"; cd "$work"
python3 prep_seg.py && python3 prep_apply.py && python3 to32.py
cp="$work:$repo/target/lunglens.jar:$repo/target/lib/*"
javac -cp "$cp" -d . SegProbe.java
java -Xmx8g -cp "$cp" SegProbe train 15       # about 30 s an epoch on 2 cores; prints the held-out Dice
java -cp "$cp" SegProbe apply A32.npy M.npy
python3 crop.py M.npy                           # writes /work/staging/lungcrop, prints fallbacks and box sizes
