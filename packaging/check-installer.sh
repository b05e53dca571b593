#!/usr/bin/env bash
# Builds the app-image and .deb (packaging/build-installer.sh) and checks them: the launcher's CLI, the .deb's
# contents, and that classify and the desktop app's start-up connect to nothing but Unix sockets and write nothing
# outside the install folder and LungLens's user folders. Takes minutes (the .deb alone ~4): not part of mvn verify.
#
#   packaging/check-installer.sh            build, then check
#   SKIP_BUILD=1 packaging/check-installer.sh   check what target/installer holds
#
# Needs: strace, xvfb-run (xvfb), fakeroot, dpkg-deb; a model in models/ (or MODELS_DIR) for classify.
# SCREENSHOT=FILE also saves a screenshot of the app's window under Xvfb (ImageMagick's import).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT_DIR:-$root/target/installer}
sample=${SAMPLE:-$root/../shared/data/samples/COVID-1.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { printf 'PASS %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  OUT_DIR=$out packaging/build-installer.sh app-image deb
fi
launcher=$out/LungLens/bin/LungLens
# A scratch home, so the checks see exactly what the app writes; LungLens's folders follow XDG variables
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

# 1. The launcher runs the CLI
version=$("$launcher" --version 2>&1 || true)
check "launcher --version prints the version" grep -q '^LungLens [0-9]' <<<"$version"
classified=$("$launcher" classify "$sample" 2>"$work/classify.err" || true)
check "launcher classify prints path,label,probabilities with the bundled model" \
  grep -qE "^$sample,(COVID|Normal|[A-Za-z_]+),[01]\.[0-9]+,[01]\.[0-9]+" <<<"$classified"
echo "  classify: $classified"
# -Xshare:on turns "start without the archive" into an error, so these fail where the archive does not map
maps_archive() { grep -q '^LungLens [0-9]' <(JAVA_TOOL_OPTIONS=-Xshare:on "$1" --version 2>&1); }
archive=$out/LungLens/lib/app/lunglens.jsa
[ "${SKIP_BUILD:-0}" = 1 ] && rm -f "$archive"  # a check before wrote it: back to the app-image as built
check "the app-image ships its class list and no class-data archive (made where it lies)" \
  bash -c "test -s '$out/LungLens/lib/app/lunglens.classlist' && test ! -e '$archive'"
built_size=$(du -sh "$out/LungLens" | cut -f1)

# 2. The .deb lists the launcher, the models and the desktop entry, and depends on GTK 3
deb=$(ls "$out"/lunglens_*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
  fail "a .deb was built"
else
  dpkg-deb --contents "$deb" >"$work/deb.txt"
  check ".deb holds the launcher" grep -qE '\./opt/lunglens/bin/LungLens$' "$work/deb.txt"
  check ".deb holds the models" grep -qE '\./opt/lunglens/lib/app/models/[^/]+\.zip$' "$work/deb.txt"
  check ".deb holds the models' cards" grep -qE '\./opt/lunglens/lib/app/models/[^/]+\.md$' "$work/deb.txt"
  check ".deb holds the models' test reports" grep -qE '\./opt/lunglens/lib/app/models/[^/]+\.test\.json$' "$work/deb.txt"
  check ".deb holds no training checkpoint" bash -c "! grep -q 'checkpoint' '$work/deb.txt'"
  check ".deb holds the desktop entry" grep -qE '\./opt/lunglens/lib/lunglens-LungLens\.desktop$' "$work/deb.txt"
  check ".deb depends on libgtk-3-0" grep -q 'libgtk-3-0' <(dpkg-deb --field "$deb" Depends)
  # A scratch-root install: unpack and run the launcher from there
  dpkg-deb -x "$deb" "$work/root"
  desktop="$work/root/opt/lunglens/lib/lunglens-LungLens.desktop"
  check "the desktop entry declares PNG, JPEG, BMP and DICOM" bash -c "grep -q '^MimeType=.*image/png' '$desktop' && grep -q 'application/dicom' '$desktop' && grep -q 'image/jpeg' '$desktop' && grep -q 'image/bmp' '$desktop'"
  check "the desktop entry passes files (%F or %U)" grep -qE '^Exec=.*%[FfUu]' "$desktop"
  check "unpacked .deb runs --version" grep -q '^LungLens' <("$work/root/opt/lunglens/bin/LungLens" --version 2>&1)
  check ".deb's postinst writes the class-data archive" grep -q 'make-class-archive.sh' <(dpkg-deb --info "$deb" postinst)
  check ".deb's prerm removes it" grep -q 'rm -f /opt/lunglens/lib/app/lunglens.jsa' <(dpkg-deb --info "$deb" prerm)
  # What postinst runs, on the scratch-root install
  sh "$work/root/opt/lunglens/lib/app/make-class-archive.sh" || true
  check "unpacked .deb maps the class-data archive its postinst writes" maps_archive "$work/root/opt/lunglens/bin/LungLens"
  echo "  $(basename "$deb"): $(du -h "$deb" | cut -f1)"
fi

# 3. No network, no stray files: classify and the app's start-up under strace
traced() { # traced NAME COMMAND...: strace -f the command, recording connect() and file creation
  local name=$1; shift
  strace -f -qq -o "$work/$name.strace" -e trace=connect,openat,mkdir,creat,rename,link,symlink -e signal=none "$@"
}
only_unix_connects() {
  ! grep -E 'connect\(' "$work/$1.strace" | grep -v 'sa_family=AF_UNIX' | grep -q .
}
writes_outside() { # paths created or opened for writing outside the install folder and the scratch home
  grep -E 'O_CREAT|O_WRONLY|O_RDWR|mkdir\(|rename\(|creat\(' "$work/$1.strace" \
    | grep -vE ' = -1 E(NOENT|EEXIST|ACCES|ROFS)' | awk -F'"' '{print $2}' \
    | grep -vE "^($work|$out|/dev/|/proc/)" | sort -u || true
}
traced classify "$launcher" classify "$sample" >/dev/null 2>&1 || true
check "classify makes no connect() outside AF_UNIX" only_unix_connects classify
stray=$(writes_outside classify); check "classify writes only to its user folders${stray:+ (wrote: $stray)}" test -z "$stray"

# The desktop app for ~20 s under Xvfb, then closed (kill the traced launcher, not strace: strace would detach)
strace_app=(strace -f -qq -o "$work/app.strace" -e trace=connect,openat,mkdir,creat,rename,link,symlink
  -e signal=none "$launcher")
xvfb-run -a -s '-screen 0 1440x900x24' bash -c '
  "$@" & tracer=$!
  sleep 20
  if [ -n "${SCREENSHOT:-}" ]; then import -window root "$SCREENSHOT"; fi
  kill $(pgrep -P "$tracer") 2>/dev/null; wait "$tracer" 2>/dev/null; true' _ "${strace_app[@]}" >"$work/app.log" 2>&1 || true
check "the app started (a JavaFX window thread ran)" grep -q 'libglass' "$work/app.strace"
# Its first window start writes the class-data archive in the background (org.lunglens.ClassArchive, after 15 s)
for _ in $(seq 60); do [ -s "$archive" ] && break; sleep 1; done
check "the app-image's first window start wrote its class-data archive (AppCDS)" test -s "$archive"
check "the launcher maps the class-data archive" maps_archive "$launcher"
check "app start-up makes no connect() outside AF_UNIX" only_unix_connects app
stray=$(writes_outside app); check "app start-up writes only to its user folders${stray:+ (wrote: $stray)}" test -z "$stray"
grep -E 'connect\(' "$work/app.strace" "$work/classify.strace" | sed -E 's/.*connect\([0-9]+, \{sa_family=([A-Z_0-9]+)[^}]*\}.*/  connect: \1/' | sort | uniq -c

echo "app-image: $built_size as built, $(du -sh "$out/LungLens" | cut -f1) with the archive its first start wrote"
[ "$failures" -eq 0 ] && echo "all checks passed" || { echo "$failures check(s) failed"; exit 1; }
