#!/usr/bin/env bash
# Writes the real Bazel and starlark-go samples: samples/bazel/{cpu,memory}.pprof.gz and
# rules.txt from Bazel building samples/bazel/workspace, and samples/starlark-go/wall.pprof.gz
# from starlark-go running samples/starlark-go/program.star. CI does not run this script: its
# outputs are committed. Facts it relies on (Debian 12): ../shared/docs/bazel.md, README "Bazel".
#
# Usage: tools/bazelgen/run.sh [cpu] [memory] [starlark-go]   (default: all three; root for apt-get)
#   BAZELGEN_WORK=DIR   where the workspace copy and Bazel's state go (default /tmp/peakscope-bazelgen)
#   BAZELGEN_SKIP_INSTALL=1   use what is installed
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BAZELGEN_WORK:-/tmp/peakscope-bazelgen}
INSTRUMENTER_VERSION=3.3.4
INSTRUMENTER=com.google.code.java-allocation-instrumenter:java-allocation-instrumenter:$INSTRUMENTER_VERSION
JAR=$HOME/.m2/repository/com/google/code/java-allocation-instrumenter/java-allocation-instrumenter/$INSTRUMENTER_VERSION/java-allocation-instrumenter-$INSTRUMENTER_VERSION.jar
GOBIN=${GOBIN:-$(go env GOPATH)/bin}

install_tools() {
  # Debian's bazel-bootstrap is Bazel 4.2.3 (it prints "bazel no_version"); Debian's own
  # instrumenter jar (3.1.0) instruments nothing on Java 17, so 3.3.4 comes from Maven Central.
  command -v bazel >/dev/null || apt-get install -y bazel-bootstrap
  command -v mvn >/dev/null || apt-get install -y maven
  [ -f "$JAR" ] || mvn -q dependency:get -Dartifact="$INSTRUMENTER" -Dtransitive=false
  [ -x "$GOBIN/starlark" ] || go install go.starlark.net/cmd/starlark@latest
}

# A fresh copy of the workspace (and the external repository it names) per profile, each with its
# own output root, so every run loads and analyses everything (nothing cached from the other).
fresh_workspace() {
  local name=$1
  rm -rf "$WORK/$name"
  mkdir -p "$WORK/$name"
  cp -r "$REPO/samples/bazel/workspace" "$REPO/samples/bazel/shared_macros" "$WORK/$name/"
  # Debian's /etc/bazel/bazelrc turns sandbox debugging on; the server stays modest.
  cat >"$WORK/$name/workspace/.bazelrc" <<EOF
startup --output_user_root=$WORK/$name/output-root
startup --host_jvm_args=-Xmx2g
build --nosandbox_debug
EOF
}

cpu_profile() {
  fresh_workspace cpu
  cd "$WORK/cpu/workspace"
  # The profile's folder must exist, or the command fails and the next one finds the profiler busy.
  bazel build --starlark_cpu_profile="$WORK/cpu/cpu.pprof.gz" //...
  bazel shutdown
  cp "$WORK/cpu/cpu.pprof.gz" "$REPO/samples/bazel/cpu.pprof.gz"
}

memory_profile() {
  fresh_workspace memory
  cd "$WORK/memory/workspace"
  # Startup options: repeated on every command, or Bazel restarts its server without them. The
  # jar goes on the boot class path too, as Bazel's server jar bundles the old agent's bootstrap class.
  local mem=(--host_jvm_args=-Xbootclasspath/a:"$JAR" --host_jvm_args=-javaagent:"$JAR" --host_jvm_args=-DRULE_MEMORY_TRACKER=1)
  bazel "${mem[@]}" build //...
  bazel "${mem[@]}" dump --skylark_memory="$WORK/memory/memory.pprof.gz"
  bazel "${mem[@]}" dump --rules >"$WORK/memory/rules.txt"
  bazel "${mem[@]}" shutdown
  cp "$WORK/memory/memory.pprof.gz" "$REPO/samples/bazel/memory.pprof.gz"
  cp "$WORK/memory/rules.txt" "$REPO/samples/bazel/rules.txt"
}

starlark_go_profile() {
  cd "$REPO/samples/starlark-go"
  "$GOBIN/starlark" -profile="$REPO/samples/starlark-go/wall.pprof.gz" program.star
}

[ "${BAZELGEN_SKIP_INSTALL:-}" = 1 ] || install_tools
mkdir -p "$WORK"
for step in "${@:-cpu memory starlark-go}"; do
  for one in $step; do
    case $one in
      cpu) cpu_profile ;;
      memory) memory_profile ;;
      starlark-go) starlark_go_profile ;;
      *) echo "unknown step: $one (cpu, memory, starlark-go)" >&2; exit 2 ;;
    esac
  done
done
