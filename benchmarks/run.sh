#!/usr/bin/env bash
# LungLens benchmark suite: JMH micro-benchmarks, app start-up, batch classification of the whole data set,
# and the same network in PyTorch side by side. Writes benchmarks/results.md (and raw data under
# benchmarks/target/run). Never part of `mvn verify` or CI: run it by hand on an otherwise idle machine.
#
#   benchmarks/run.sh [--quick]
#
# --quick: short JMH runs, one start-up, 1,000 images instead of ~14k (a few minutes in all).
# Environment: DATA (default ../shared/data/covid19-radiography-128), MODEL (default models/covid-equalized-combined-64.zip, the default model;
# trained quickly into the run folder when absent), SKIP_BUILD=1 (reuse target/), OTHER_BUILDS (other nd4j-native builds to rerun the inference benchmarks on, e.g. "onednn-avx512"; default none: the app ships onednn-avx2),
# STARTUP_MODELS (the models folder of the start-up probe; default: MODEL and the 3-class model, so the probe
# measures MODEL; STARTUP_MODELS=models measures the app as it ships, the combined model being its default),
# STARTUP_LAUNCHER (run the start-up probe through an installed app's launcher, e.g.
# target/installer/LungLens/bin/LungLens from packaging/build-installer.sh, instead of java -jar),
# ONLY (a comma list of steps to run alone: jmh, loaded, startup, session, classify, dl4j-side, torch, onnxruntime, onednn),
# STARTUPS / STARTUPS_QUICK (how many start-ups: default 3 / 1), SESSION_FILMS / SESSION_FILMS_QUICK (the long
# session's films: default 500 / 100, from SESSION_DIR, default DATA/Normal; through STARTUP_LAUNCHER when set), TORCH=0 (skip PyTorch), RUN_DIR and RESULTS (where raw data and the table go), APP_JAR (default target/lunglens.jar: e.g. a build of an older commit to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
QUICK=false
[[ "${1:-}" == "--quick" ]] && QUICK=true
DATA=$(realpath "${DATA:-../shared/data/covid19-radiography-128}")
RUN=${RUN_DIR:-$ROOT/benchmarks/target/run}
rm -rf "$RUN" && mkdir -p "$RUN"
JAVA_OPTS="-Xmx2g"
STEPS=$RUN/steps.tsv   # step, start, seconds, load before, load after
log() { echo "[bench $(date +%T)] $*" >&2; }
settle() {  # waits (up to 2 minutes) for the 1-minute load to fall below 1: the previous step's own work
  # (JMH keeps both cores busy for minutes) lingers in the load average and would mark the next step as loaded
  local waited=0
  while (( waited < 120 )) && awk '{ exit !($1 >= 1.0) }' /proc/loadavg; do sleep 5; waited=$((waited + 5)); done
  (( waited == 0 )) || log "waited ${waited} s for the load to settle"
}

step() {  # step NAME COMMAND...: runs it, records its time and the machine load around it
  local name=$1; shift
  # ONLY=startup,session runs those steps alone (a step's name without its run number)
  [[ -z ${ONLY:-} || ",$ONLY," == *",${name%-[0-9]*},"* ]] || return 0
  settle
  local before; before=$(cut -d' ' -f1-3 /proc/loadavg)
  local t0; t0=$(date +%s)
  log "$name (load $before)"
  "$@"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(date -d @"$t0" '+%F %T')" "$(( $(date +%s) - t0 ))" "$before" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$STEPS"
}

# --- build (offline when everything is in the local repository, else from Maven Central: on a fresh machine
# JMH is not there yet; tests are not run here) ---
build() { mvn -B -o -q "$@" 2>/dev/null || { log "not all in the local repository: fetching"; mvn -B -q "$@"; }; }
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/lunglens.jar ]]; then
  log "building the app and the benchmarks"
  build package -DskipTests
fi
build -f benchmarks/pom.xml compile
APP_JAR=${APP_JAR:-target/lunglens.jar}   # another build of the app (its lib/ beside it) to compare against
BENCH_CP="benchmarks/target/classes:benchmarks/target/lib/*:$APP_JAR"
APP_CP="$BENCH_CP:target/lib/*"

# --- the model under test ---
MODEL=${MODEL:-models/covid-equalized-combined-64.zip}   # the app's and classify's default model
if [[ ! -f $MODEL ]]; then
  log "no $MODEL: training a quick one (1 epoch on 300 images per class) into $RUN"
  mkdir -p "$RUN/train-data"
  for c in "$DATA"/*/; do
    mkdir -p "$RUN/train-data/$(basename "$c")"
    find "$c" -name '*.png' | sort | awk 'NR <= 300' | xargs -I{} ln -s {} "$RUN/train-data/$(basename "$c")/"
  done
  java $JAVA_OPTS -jar "$APP_JAR" train --data "$RUN/train-data" --task binary \
    --out "$RUN/model/covid-binary.zip" --epochs 1 > "$RUN/train.log" 2>&1
  MODEL=$RUN/model/covid-binary.zip
fi
MODEL=$(realpath "$MODEL")
mkdir -p "$RUN/models" && cp "$MODEL" "$RUN/models/covid-binary.zip"
# The start-up probe loads the second bundled model too (peak memory with both)
[[ -f models/cxr-multiclass.zip ]] && cp models/cxr-multiclass.zip "$RUN/models/"
echo "$MODEL" > "$RUN/model.txt"

# --- JMH ---
if $QUICK; then JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 1s); THREADS=1,2; else JMH_ARGS=(-f 2 -wi 4 -w 2s -i 5 -r 2s); THREADS=0,1,2; fi
JMH_JVM="$JAVA_OPTS -Dlunglens.bench.model=$MODEL -Dlunglens.bench.data=$DATA"
jmh() {  # jmh OUT.json CLASSPATH EXTRA_JVM_ARGS PATTERN [JMH ARGS...]
  local out=$1 cp=$2 extra=$3; shift 3
  java -cp "$cp" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -jvmArgs "$JMH_JVM $extra" -rf json -rff "$out" "$@" \
    > "${out%.json}.txt" 2>&1 || { tail -30 "${out%.json}.txt" >&2; return 1; }
}
step jmh jmh "$RUN/jmh.json" "$APP_CP" "" 'org.lunglens.bench.(Image|Inference|GradCam)Bench' -p threads=$THREADS
# Prediction + Grad-CAM as a reader's workstation runs it: while another process keeps one core busy
loaded() {
  sh -c 'while :; do :; done' & local hog=$!
  jmh "$RUN/loaded-jmh.json" "$APP_CP" "" 'org.lunglens.bench.GradCamBench.analyse' -p threads=1 || true
  kill "$hog"
}
step loaded loaded
# The inference benchmarks again on other nd4j-native builds in place of the shipped one (OTHER_BUILDS="onednn-avx512 ...")
for build in ${OTHER_BUILDS-}; do
  jar=~/.m2/repository/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-x86_64${build:+-$build}.jar
  [[ $build == generic ]] && jar=~/.m2/repository/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-x86_64.jar
  if [[ ! -f $jar ]]; then log "no $build jar in ~/.m2: skipping it"; continue; fi
  mkdir -p "$RUN/lib-$build"
  for j in target/lib/*.jar; do [[ $(basename "$j") == nd4j-native-1.0.0-M2.1-linux-x86_64* ]] || ln -s "$ROOT/$j" "$RUN/lib-$build/"; done
  ln -s "$jar" "$RUN/lib-$build/"
  step "jmh-$build" jmh "$RUN/jmh-$build.json" "$BENCH_CP:$RUN/lib-$build/*" "" \
    'org.lunglens.bench.(Inference|GradCam)Bench' -p threads=1
done

# --- start-up: JVM start to window, and to the first analysis of an image opened at start ---
SAMPLE=$(find "$DATA" -name '*.png' | sort | awk 'NR == 1')
startup() {
  local n=$1 dir=$RUN/startup-$1
  mkdir -p "$dir/prefs"
  local probe=(-Dprism.order=sw -Djava.util.prefs.userRoot="$dir/prefs"
    -Dlunglens.startupProbe=true ${STARTUP_OPTS:-})
  # The models folder: STARTUP_MODELS, else the run's own; an installed app keeps its bundled ones unless told
  if [[ -n ${STARTUP_MODELS:-} || -z ${STARTUP_LAUNCHER:-} ]]; then
    probe+=(-Dlunglens.models="$(realpath "${STARTUP_MODELS:-$RUN/models}")")
  fi
  # The clock starts inside xvfb-run, just before java: the X server's own start is not the app's
  if [[ -n ${STARTUP_LAUNCHER:-} ]]; then
    # The installed app: its launcher brings its own JVM options (jpackage.cfg); the probe's go through the
    # environment (no spaces in these paths)
    /usr/bin/time -v -o "$dir/time.txt" timeout 180 env LL_PROBE="${probe[*]}" LL_DB="$dir/log.db" xvfb-run -a sh -c \
      'JAVA_TOOL_OPTIONS="$LL_PROBE -Dlunglens.launchedAt=$(date +%s%3N)" exec "$1" --db "$LL_DB" --windowed "$2"' sh \
      "$(realpath "$STARTUP_LAUNCHER")" "$SAMPLE" > "$dir/out.txt" 2> "$dir/err.txt" || log "start-up run $n failed: see $dir"
    return
  fi
  /usr/bin/time -v -o "$dir/time.txt" timeout 180 env LL_JAR="$APP_JAR" LL_DB="$dir/log.db" LL_FILM="$SAMPLE" \
    xvfb-run -a sh -c \
    'exec java "$@" -Dlunglens.launchedAt=$(date +%s%3N) -jar "$LL_JAR" --db "$LL_DB" --windowed "$LL_FILM"' sh \
    $JAVA_OPTS "${probe[@]}" \
    > "$dir/out.txt" 2> "$dir/err.txt" || log "start-up run $n failed: see $dir"
}
STARTUPS=${STARTUPS:-3}; $QUICK && STARTUPS=${STARTUPS_QUICK:-1}
[[ -n ${STARTUP_MODELS:-} ]] && echo "$STARTUP_MODELS" > "$RUN/startup-models.txt"
[[ -n ${STARTUP_LAUNCHER:-} ]] && echo "$STARTUP_LAUNCHER" > "$RUN/startup-launcher.txt"
# The installed app's size on disk (the launcher sits in APP/bin)
[[ -n ${STARTUP_LAUNCHER:-} ]] && du -sm "$(dirname "$(dirname "$(realpath "$STARTUP_LAUNCHER")")")" | cut -f1 > "$RUN/app-size-mb.txt"
# An app-image ships without its class-data archive and writes it at its first window start (org.lunglens.ClassArchive;
# the probe's runs skip that): write it first, so the figures are those of every start after the first
if [[ -n ${STARTUP_LAUNCHER:-} ]]; then
  app_dir="$(dirname "$(dirname "$(realpath "$STARTUP_LAUNCHER")")")/lib/app"
  if [[ -f $app_dir/make-class-archive.sh && ! -f $app_dir/lunglens.jsa ]]; then
    log "writing the app-image's class-data archive, as its first start would"; sh "$app_dir/make-class-archive.sh" || true
  fi
fi
for i in $(seq 1 $STARTUPS); do step "startup-$i" startup "$i"; done

# --- a long session: SESSION_FILMS films of one folder one after another in the app, AI and Grad-CAM on ---
SESSION_FILMS=${SESSION_FILMS:-500}; $QUICK && SESSION_FILMS=${SESSION_FILMS_QUICK:-100}
SESSION_DIR=$(realpath "${SESSION_DIR:-$DATA/Normal}")
session() {
  local dir=$RUN/session
  mkdir -p "$dir/prefs"
  local probe="-Dprism.order=sw -Djava.util.prefs.userRoot=$dir/prefs -Dlunglens.sessionProbe=$SESSION_FILMS"
  if [[ -n ${STARTUP_LAUNCHER:-} ]]; then
    timeout 1800 env JAVA_TOOL_OPTIONS="$probe" xvfb-run -a "$(realpath "$STARTUP_LAUNCHER")" --db "$dir/log.db" \
      --windowed --gradcam "$SESSION_DIR" > "$dir/out.txt" 2> "$dir/err.txt" || log "session failed: see $dir"
  else
    # shellcheck disable=SC2086  # JAVA_OPTS and probe are lists of options
    timeout 1800 xvfb-run -a java $JAVA_OPTS $probe -jar "$APP_JAR" --db "$dir/log.db" --windowed --gradcam \
      "$SESSION_DIR" > "$dir/out.txt" 2> "$dir/err.txt" || log "session failed: see $dir"
  fi
}
step session session

# --- batch classification of the data set, end to end ---
CLASSIFY_DIR=$DATA
if $QUICK; then
  CLASSIFY_DIR=$RUN/classify-data
  mkdir -p "$CLASSIFY_DIR"
  find "$DATA" -name '*.png' | sort | awk 'NR % 14 == 1 && ++n <= 1000' | xargs -I{} ln -s {} "$CLASSIFY_DIR/"
fi
classify() {
  /usr/bin/time -v -o "$RUN/classify-time.txt" java $JAVA_OPTS ${CLASSIFY_OPTS:-} -jar "$APP_JAR" classify \
    --model "$MODEL" "$CLASSIFY_DIR" > "$RUN/classify.csv" 2> "$RUN/classify-err.txt"
}
step classify classify

# --- the same network in PyTorch, timed the same way in the same run ---
step dl4j-side java $JAVA_OPTS -cp "$APP_CP" org.lunglens.bench.SideBySide "$MODEL" "$DATA" "$RUN/side" "$QUICK" 1,2 \
  > "$RUN/side-dl4j.txt" 2>&1
if [[ "${TORCH:-1}" != 0 ]]; then
  if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    log "installing Debian's python3-torch"
    if [[ $(id -u) == 0 ]]; then apt-get install -y -q python3-torch >/dev/null; else sudo apt-get install -y -q python3-torch >/dev/null; fi
  fi
  step torch /usr/bin/python3 benchmarks/python/torch_bench.py "$RUN/side" "$QUICK" 1,2 > "$RUN/side-torch.txt" 2>&1
  # ONNX Runtime on the network torch_bench.py exported (pip cannot reach PyPI here; its Java package is on Maven Central)
  [[ -f "$RUN/side/net.onnx" ]] && step onnxruntime java $JAVA_OPTS -cp "$BENCH_CP" org.lunglens.bench.OnnxRuntimeBench \
    "$RUN/side" "$QUICK" 1,2 > "$RUN/side-ort.txt" 2>&1
fi

# --- the same network on oneDNN directly (benchmarks/onednn/conv_probe.cpp): libnd4j's way of calling it against
# primitives kept between calls, to show where the one-image gap to the peers lies ---
onednn() {
  if [[ ! -f /usr/include/oneapi/dnnl/dnnl.hpp ]] || ! command -v g++ >/dev/null; then
    log "installing Debian's libdnnl-dev and g++"
    local sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get install -y -q libdnnl-dev g++ >/dev/null || { log "cannot install them: step onednn skipped"; return 0; }
  fi
  g++ -O2 -std=c++17 benchmarks/onednn/conv_probe.cpp -ldnnl -o "$RUN/conv_probe" \
    || { log "conv_probe.cpp does not build: step onednn skipped"; return 0; }
  mkdir -p "$RUN/side"
  local passes=2000 batch_passes=50
  $QUICK && { passes=300; batch_passes=10; }
  for t in 1 2; do
    OMP_NUM_THREADS=$t "$RUN/conv_probe" 1 $passes
    OMP_NUM_THREADS=$t "$RUN/conv_probe" 64 $batch_passes
  done > "$RUN/side/onednn.jsonl"
}
step onednn onednn

# --- the table ---
python3 benchmarks/python/report.py "$RUN" "$QUICK" "${STARTUP_MODELS:+STARTUP_MODELS=$STARTUP_MODELS }benchmarks/run.sh${1:+ $1}" > "${RESULTS:-benchmarks/results.md}"
log "wrote ${RESULTS:-benchmarks/results.md}"
