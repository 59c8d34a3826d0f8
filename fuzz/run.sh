#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (SECS seconds each, default 60), seeded from the
# test fixtures, on nightly Rust with cargo-fuzz (`cargo install cargo-fuzz`). Not part of CI.
#   fuzz/run.sh        # 60 s per target
#   fuzz/run.sh 600    # 10 min per target
# Prints the executions per target; exits non-zero when a target found a crash (its input is in
# fuzz/artifacts/<target>/: make it a regression test, then fix the cause).
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
root=..
targets=(timeframe csv_plan toml_plan json_plan keymap_file config_file protocol)

seed() {
    local target=$1
    shift
    mkdir -p "corpus/$target"
    for f in "$@"; do
        if [ -f "$f" ]; then cp "$f" "corpus/$target/"; fi
    done
}

# Timeframes: every one the embedded plan and the CSV fixture use, one per file.
mkdir -p corpus/timeframe
grep -h '^timeframe = ' "$root"/data/*.toml | sed 's/^timeframe = "\(.*\)"$/\1/' | sort -u |
    while IFS= read -r tf; do printf '%s' "$tf" > "corpus/timeframe/$(printf '%s' "$tf" | md5sum | cut -c1-16)"; done
seed csv_plan "$root"/tests/fixtures/valid/*.csv "$root"/tests/fixtures/invalid/*.csv
seed toml_plan "$root"/data/plan-2025.toml "$root"/tests/fixtures/hostile/plan.toml "$root"/tests/fixtures/invalid/*.toml
seed json_plan seeds/json/*.json "$root"/tests/fixtures/invalid/*.json
seed keymap_file "$root"/keymaps/*.toml "$root"/tests/fixtures/keymaps/*.toml
seed config_file seeds/config/*.toml
seed protocol seeds/protocol/*.jsonl

mkdir -p logs
status=0
for t in "${targets[@]}"; do
    if ! cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 \
        > "logs/$t.log" 2>&1; then
        status=1
        if grep -q "failed to build fuzz script" "logs/$t.log"; then
            echo "$t: DID NOT BUILD (see fuzz/logs/$t.log)"
        else
            echo "$t: FOUND A CRASH (see fuzz/logs/$t.log and fuzz/artifacts/$t/)"
        fi
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    echo "$t: ${runs:-?} executions in ${secs} s"
done
exit $status
