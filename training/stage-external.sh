#!/usr/bin/env bash
# Rebuilds the two staged sets of normal films from other sources (docs/MODELS.md, "Two more sources of normal
# films") from snapshots of their public repositories, converted as ../shared/data's sets are (8-bit gray,
# 128x128, Lanczos, ImageMagick). For a maintainer adding them to ../shared/data/external/, or a machine that lost
# its staged copy. Never into this repository: the films are not ours to commit.
#
# Usage: training/stage-external.sh OPENIST_GIT_DIR JSRT_REPO_GIT_DIR OUT_DIR
#   OPENIST_GIT_DIR     a clone (or bare git dir) of pi-null-mezon/OpenIST at 0a3fceb1ac58e1848f994ee6ec226c58e55d70b0
#   JSRT_REPO_GIT_DIR   the same of moritzhauschulz/my_COMP70014 at a8a83e72271fdf974f1b7cacce25c623e2d72927
# Writes OUT_DIR/chestxray-com/Normal (274 films) and OUT_DIR/jsrt/{Normal,Nodule} (91 and 154 adults; the
# near-duplicate check of docs/MODELS.md drops one normal film more, so the set measured there holds 244).
set -euo pipefail
[[ $# == 3 ]] || { sed -n 2,12p "$0"; exit 2; }
openist=$1 jsrt=$2 out=$3
command -v /usr/bin/convert >/dev/null || { echo "needs ImageMagick (apt-get install imagemagick)" >&2; exit 1; }
to128() { /usr/bin/convert "$1" -colorspace Gray -filter Lanczos -resize '128x128!' -depth 8 -strip "$2"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# chestx-ray.com's "Normal CXR module" as committed in OpenIST: 275 JPEGs, one an exact twin of another
mkdir -p "$out/chestxray-com/Normal"
git --git-dir="$openist" ls-tree -r --name-only 0a3fceb1ac58e1848f994ee6ec226c58e55d70b0 Datasets/Chest_x-ray/ \
  | grep '\.jpg$' | while read -r f; do
    git --git-dir="$openist" show "0a3fceb1ac58e1848f994ee6ec226c58e55d70b0:$f" > "$tmp/x.jpg"
    name=$(basename "$f" .jpg)
    to128 "$tmp/x.jpg" "$out/chestxray-com/Normal/$name.png"
  done
rm -f "$out/chestxray-com/Normal/201-210-500-500-100.png" # the same pixels as 101-210-500-500-100

# JSRT's 247 films (224 px copies), adults only; label from 'state': non-nodule -> Normal, else Nodule
mkdir -p "$out/jsrt/Normal" "$out/jsrt/Nodule"
commit=a8a83e72271fdf974f1b7cacce25c623e2d72927
git --git-dir="$jsrt" show "$commit:data/JSRT/jsrt_metadata.csv" | tail -n +2 \
  | while IFS=, read -r id _ _ age _ _ _ state _; do
    [[ $age =~ ^[0-9]+$ ]] && (( age < 18 )) && continue
    label=Nodule; [[ $state == non-nodule ]] && label=Normal
    git --git-dir="$jsrt" show "$commit:data/JSRT/images/$id" > "$tmp/x.png"
    to128 "$tmp/x.png" "$out/jsrt/$label/$id"
  done
echo "chestxray-com: $(ls "$out/chestxray-com/Normal" | wc -l); jsrt: $(ls "$out/jsrt/Normal" | wc -l) normal, $(ls "$out/jsrt/Nodule" | wc -l) nodule"
