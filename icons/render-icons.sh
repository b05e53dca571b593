#!/bin/sh
# Renders the application icon from lunglens.svg (Debian: librsvg2-bin, imagemagick, icnsutils).
# The generated files are committed, so a build needs none of these tools.
set -eu
cd "$(dirname "$0")"
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" lunglens.svg -o "lunglens-$s.png"
done
convert lunglens-16.png lunglens-32.png lunglens-48.png lunglens-64.png lunglens-128.png lunglens-256.png lunglens.ico
# png2icns takes only the sizes the format has (16, 32, 48, 128, 256, 512)
if command -v png2icns >/dev/null; then
  png2icns lunglens.icns lunglens-16.png lunglens-32.png lunglens-48.png lunglens-128.png lunglens-256.png lunglens-512.png >/dev/null
fi
# The window icons travel as class-path resources
res=../src/main/resources/org/lunglens/ui/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256; do
  cp "lunglens-$s.png" "$res/"
done
