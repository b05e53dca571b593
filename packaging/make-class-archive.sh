#!/bin/sh
# Writes the class-data-sharing archive (AppCDS) of an installed LungLens: the JDK's, JavaFX's, DL4J's and
# LungLens's classes that a start-up loads, parsed and verified once, here, instead of at every start (measured:
# about 1.3 s sooner to the window, 2.3 s sooner to the first prediction; docs/PACKAGING.md).
#
#   sh /opt/lunglens/lib/app/make-class-archive.sh      (the .deb's postinst runs it; an app-image's first window
#                                                        start too, in the background: org.lunglens.ClassArchive)
#
# It lies in the app folder (lib/app) beside lunglens.classlist, the class list that build-installer.sh recorded
# from a start-up of the app. On JDK 17 an archive holds the jars' absolute paths, sizes and dates, so it is made
# where the app is installed, never shipped: a moved or changed install simply starts without it (the JVM checks
# and falls back silently). The launcher asks for it with -XX:SharedArchiveFile=$APPDIR/lunglens.jsa (jpackage.cfg).
set -eu
app=$(cd "$(dirname "$0")" && pwd)
image=$(dirname "$(dirname "$app")")
cfg=$(ls "$app"/*.cfg | head -n 1)
list=$app/lunglens.classlist
archive=$app/lunglens.jsa
[ -f "$list" ] || { echo "make-class-archive: no class list at $list" >&2; exit 1; }
# The launcher's class path, in its order: app.classpath lines of the .cfg, with $APPDIR made absolute
classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -s -d : -)
tmp=$archive.tmp.$$
trap 'rm -f "$tmp"' EXIT
# The dump warns about classes it cannot archive (old class-file versions, JFR events): expected, kept quiet
# -XX:-UsePerfData: no /tmp/hsperfdata_<user> file, as the app itself (jpackage.cfg)
if ! "$image/lib/runtime/bin/java" -XX:-UsePerfData -Xshare:dump -XX:SharedClassListFile="$list" \
    -XX:SharedArchiveFile="$tmp" -cp "$classpath" >/dev/null 2>&1; then
  echo "make-class-archive: the JVM could not write the archive; LungLens still works, it starts slower" >&2
  exit 1
fi
chmod 644 "$tmp"
mv -f "$tmp" "$archive"
