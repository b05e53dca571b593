#!/usr/bin/env bash
# Builds LungLens's Linux app-image and .deb with jpackage (JDK 17; Debian: fakeroot, dpkg-deb for the .deb).
#
#   packaging/build-installer.sh [app-image] [deb]      default: both
#
# Environment:
#   MVN_FLAGS     extra Maven flags, e.g. -o for an offline build (default: none)
#   SKIP_MVN=1    reuse target/lunglens.jar and target/lib from an earlier mvn package
#   MODELS_DIR    folder whose *.zip models ship in the app (default: models/ of the checkout)
#   OUT_DIR       where the app-image and .deb go (default: target/installer)
#
# The app ships models/ beside lunglens.jar (lib/app/models in the image), where BundledModels looks.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image deb)
models_dir=${MODELS_DIR:-$root/models}
out=${OUT_DIR:-$root/target/installer}
stage=$root/target/jpackage
# The JDK modules the app and its libraries use: jdeps on the non-modular jars plus the `requires` of the modular
# ones (jdeps over all the jars takes minutes and trips on DL4J's module descriptors). javafx-swing needs
# jdk.unsupported.desktop, javafx-base jdk.jfr, ND4J's shaded Guava java.compiler, DataVec's FreeMarker java.rmi (jdeps, 2026-12-06),
# ControlsFX java.net.http.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs
modules=$modules,java.rmi,java.scripting,java.sql,java.xml,jdk.jfr,jdk.management,jdk.unsupported
modules=$modules,jdk.unsupported.desktop,jdk.zipfs

step() { printf '== %s (%s)\n' "$1" "$(date +%T)"; }

if [ "${SKIP_MVN:-0}" != 1 ]; then
  step "mvn package"
  # shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests
fi

pom_version=$(unzip -p target/lunglens.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
cfg_version=$(sed -n 's/^--app-version *//p' jpackage.cfg)
if [ "$pom_version" != "$cfg_version" ]; then
  echo "jpackage.cfg has --app-version $cfg_version but the pom builds $pom_version" >&2
  exit 1
fi

step "stage the input folder"
rm -rf "$stage" && mkdir -p "$stage/input/lib" "$stage/input/models"
cp target/lunglens.jar "$stage/input/"
# Every jar: the pom brings only natives that ND4J loads (javacpp, openblas, nd4j-native; README, "How images
# become model inputs")
cp target/lib/*.jar "$stage/input/lib/"
# sqlite-jdbc carries natives for every OS; keep this platform's (Linux/x86_64) only
for jar in "$stage"/input/lib/sqlite-jdbc-*.jar; do
  zip -q -d "$jar" 'org/sqlite/native/*' -x 'org/sqlite/native/Linux/x86_64/*' >/dev/null || true
done
# The native libraries inside ND4J's and OpenBLAS's jars carry their full symbol tables (36 MB of libnd4jcpu.so's
# 366 MB): strip what the dynamic linker does not use (JNI finds its functions through the dynamic symbols, which
# stay) and pack them again at the highest compression. JavaCPP unpacks each library once into the user's cache.
if command -v strip >/dev/null 2>&1; then
  for jar in "$stage"/input/lib/nd4j-native-*-linux-x86_64*.jar "$stage"/input/lib/openblas-*-linux-x86_64.jar; do
    [ -f "$jar" ] || continue
    unpacked=$(mktemp -d)
    if ! unzip -qq "$jar" '*.so*' -d "$unpacked" 2>/dev/null; then  # a jar of Java classes only
      rm -rf "$unpacked"
      continue
    fi
    find "$unpacked" -type f -name '*.so*' -exec strip --strip-unneeded {} +
    (cd "$unpacked" && zip -q -9 -r "$jar" .)
    rm -rf "$unpacked"
  done
else
  echo "warning: no strip (binutils): the native libraries ship with their symbol tables" >&2
fi
shopt -s nullglob
# Each model with its card and test report (the AI tab shows the card, and from the report how often the
# model was right at each confidence); training checkpoints stay behind: users never resume a run
models=()
for zip in "$models_dir"/*.zip; do
  [[ $zip == *.checkpoint.zip ]] || models+=("$zip")
done
if [ ${#models[@]} -eq 0 ]; then
  echo "warning: no models in $models_dir; the app will ship without a bundled model" >&2
else
  for zip in "${models[@]}"; do
    cp "$zip" "$stage/input/models/"
    for side in md test.json; do
      [ -f "${zip%.zip}.$side" ] && cp "${zip%.zip}.$side" "$stage/input/models/"
    done
  done
fi
echo "input: $(du -sh "$stage/input" | cut -f1), $(ls "$stage/input/lib" | wc -l) jars, models: ${models[*]##*/}"

# The launcher's JVM options and runtime, shared by every jpackage call. The runtime keeps bin/java: the class-data
# archive is written with it where the app is installed (packaging/make-class-archive.sh).
package() { # package TYPE DEST [jpackage options...]
  local type=$1 dest=$2; shift 2
  jpackage @jpackage.cfg @packaging/jpackage-linux.cfg "$@" \
    --type "$type" --input "$stage/input" --dest "$dest" \
    --add-modules "$modules" \
    --jlink-options '--strip-debug --no-man-pages --no-header-files --compress=2'
}

# Class-data sharing (AppCDS): record which classes a start-up loads (the app under Xvfb opens an image and
# analyses it with both bundled models, then quits), so that an install can archive them once
# (make-class-archive.sh: the .deb's postinst, an app-image's first window start). Without Xvfb the app ships without the list
# and starts as before, only slower.
cp packaging/make-class-archive.sh "$stage/input/"
if command -v xvfb-run >/dev/null 2>&1 && [ ${#models[@]} -gt 0 ]; then
  step "class list: one start-up of the app"
  package app-image "$stage/probe"
  scratch=$stage/probe-home
  mkdir -p "$scratch"
  XDG_CACHE_HOME=$scratch/cache XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$stage/input/lunglens.classlist -Dlunglens.startupProbe=true \
-Dprism.order=sw" \
    timeout 300 xvfb-run -a "$stage/probe/LungLens/bin/LungLens" --db "$scratch/log.db" --windowed \
    "$root/icons/lunglens-256.png" >"$stage/probe.log" 2>&1 || true
  if grep -q '^lunglens-startup first-prediction' "$stage/probe.log" && [ -s "$stage/input/lunglens.classlist" ]; then
    echo "class list: $(grep -vc '^#' "$stage/input/lunglens.classlist") classes"
  else
    echo "warning: the start-up for the class list failed (see $stage/probe.log); no class-data archive" >&2
    rm -f "$stage/input/lunglens.classlist"
  fi
  rm -rf "$stage/probe" "$scratch"
else
  echo "warning: no xvfb-run or no model: the app ships without a class-data archive (it starts slower)" >&2
fi

mkdir -p "$out"
for type in "${types[@]}"; do
  step "jpackage --type $type"
  case $type in
    app-image) rm -rf "${out:?}/LungLens" ;;
    deb) rm -f "$out"/lunglens_*.deb ;;
  esac
  if [ "$type" = app-image ]; then
    # No class-data archive here: one made now would hold this folder's paths (73 MB, useless once the app-image
    # is moved); the app writes it where it lies, at its first window start (org.lunglens.ClassArchive)
    package app-image "$out"
  else
    package "$type" "$out" "@packaging/jpackage-$type.cfg"
  fi
done
step "done"
du -sh "$out"/* 2>/dev/null
