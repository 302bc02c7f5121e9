#!/usr/bin/env bash
# Builds the libFuzzer harnesses (build/fuzz, clang 14) when needed and runs each for a fixed
# time on a copy of its committed corpus (fuzz/corpus/<name>, never modified here), after
# replaying the inputs that once crashed it (fuzz/regressions/<name>/). Exits non-zero when any
# harness crashes, leaks, times out or runs out of memory; the input that did it is left in
# build/fuzz/artifacts/<name>/.
#
#   fuzz/run.sh [SECONDS] [HARNESS...]     SECONDS per harness (default 20), all harnesses
#                                          unless some are named
#
# CI=true builds with every core; otherwise the build and the runs are niced and the build uses
# one job, so a machine busy with another build stays usable.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"

FUZZ_DIR="$LOX_ROOT/fuzz"
BUILD_DIR="$LOX_ROOT/build/fuzz"
ALL_HARNESSES=(json_reader http_signature multipart html_sanitizer stripe_event)
# Without recommends (as ensure_packages installs), clang-14 lacks the sanitizer runtimes
# (libclang-rt-14-dev) and llvm-symbolizer (llvm-14, for readable stacks).
FUZZ_PACKAGES="clang-14 libclang-rt-14-dev libfuzzer-14-dev llvm-14 cmake ninja-build pkg-config
  libssl-dev nlohmann-json3-dev libsodium-dev libgumbo-dev"

seconds=${1:-20}
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || die "usage: fuzz/run.sh [SECONDS] [HARNESS...]"
shift $(($# > 0 ? 1 : 0))
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${ALL_HARNESSES[@]}")

if [ "${CI:-}" = true ]; then
  nice=()
  jobs=$(nproc)
else
  nice=(nice -n 19)
  jobs=1
fi

ensure_packages $FUZZ_PACKAGES

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  log "configuring $BUILD_DIR"
  cmake -S "$FUZZ_DIR" -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 >&2
fi
log "building the fuzz harnesses (-j$jobs)"
"${nice[@]}" cmake --build "$BUILD_DIR" -j"$jobs" >&2

export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for name in "${harnesses[@]}"; do
  binary="$BUILD_DIR/fuzz_$name"
  [ -x "$binary" ] || die "no harness named $name (have: ${ALL_HARNESSES[*]})"
  # libFuzzer adds what it finds to the first corpus directory: work on a copy.
  corpus="$BUILD_DIR/corpus-run/$name"
  artifacts="$BUILD_DIR/artifacts/$name"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  cp "$FUZZ_DIR/corpus/$name/"* "$corpus/"
  log="$BUILD_DIR/fuzz_$name.log"
  status=0
  # Inputs that crashed once (fuzz/regressions/<name>/) run first, each once: a bug that came
  # back fails at once, not only when the fuzzer happens upon it again.
  regressions=("$FUZZ_DIR/regressions/$name/"*)
  if [ -e "${regressions[0]}" ]; then
    log "replaying ${#regressions[@]} regression input(s) of $name"
    "$binary" "${regressions[@]}" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
      failed+=("$name")
      echo "$name: a regression input crashes (exit status $status); last lines of $log:" >&2
      tail -n 40 "$log" >&2
      continue
    fi
  fi
  log "fuzzing $name for ${seconds}s"
  "${nice[@]}" "$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  echo "$name: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), exit status $status"
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    echo "---- $name failed; last lines of $log:" >&2
    tail -n 60 "$log" >&2
    echo "---- the input is in $artifacts/" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  die "fuzzing found problems in: ${failed[*]}"
fi
log "fuzzing: no crash in ${harnesses[*]}"
