#!/usr/bin/env bash
# Whole-process benchmark: steerdeck as a user meets it, through the server the session starts.
#
#   cargo build --release && benches/whole-process.sh
#
# For each plan size it makes a plan (the embedded 2025 plan repeated, every 7th task at 50 %,
# ten tasks blocked), imports it into a fresh store through an auto-started server, then:
#
#   open      launch to the first task row on screen, in tmux at 80x24, on a fresh copy of the
#             store, the server started by the screen itself
#   burst     "/VNeID" + Enter sent in one burst, to the filtered screen
#   key       one more search key ("D" after "/VNeI"), to the re-filtered screen
#   mem       VmHWM of the screen plus VmHWM of its server, after the search
#   idle      CPU used by screen + server in 5 s of nobody typing (ms)
#   show      `show I.1`, server already running
#   few       `list --status blocked` (ten tasks), server already running
#   overdue   `list --overdue`, server already running
#   json      `list --format json` of everything, server already running
#   edit      an edit's round trip through the running server, written and synced (median of
#             50, benches/edit-timer.py)
#   import    `import` of the whole plan into an empty store, server started by the command
#
# Times are medians of RUNS runs (default 5), in milliseconds. The screen is read as a person
# sees it (tmux capture-pane), looked at again and again through one tmux control-mode client
# (benches/screen-timer.py), so a time carries a fraction of a millisecond of looking. Needs
# bash 5, tmux 3.2 or later and python3.
#
# Environment: STEERDECK_BIN (default target/release/steerdeck), SIZES (default
# "59 1000 10000 100000"), RUNS (default 5).

set -euo pipefail

BIN=$(realpath "${STEERDECK_BIN:-target/release/steerdeck}")
TIMER="$(dirname "$(realpath "$0")")/screen-timer.py"
EDIT_TIMER="$(dirname "$(realpath "$0")")/edit-timer.py"
SIZES=${SIZES:-"59 1000 10000 100000"}
RUNS=${RUNS:-5}
AS_OF=2025-07-15

# A short directory: the socket path must stay under 108 bytes.
WORK=$(mktemp -d /tmp/sdwp.XXXXXX)
TMUX_SOCK="sdwp-$$"
SERVERS=()

tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }

cleanup() {
    for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
    tm kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

now_us() { echo "${EPOCHREALTIME/./}"; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

# The pid of the server of store $1 (the one process serving that directory).
server_pid() { pgrep -f -- "--db $1 (--lang [a-z]+ )?serve" | head -1; }

# True while process $1 runs (a zombie nobody reaps does not count).
alive() { [[ -r /proc/$1/stat ]] && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }

stop_server() {
    local pid
    pid=$(server_pid "$1" || true)
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        while alive "$pid"; do sleep 0.01; done
    fi
}

make_plan() { # N OUT
    mkdir -p "$WORK/seed"
    "$BIN" --db "$WORK/seed" export --force --out "$WORK/base.json" >/dev/null
    stop_server "$WORK/seed"
    python3 - "$1" "$WORK/base.json" "$2" <<'EOF'
import json, sys
n, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
doc = json.load(open(base, encoding="utf-8"))
tasks = doc["plan"]["tasks"]
plan = []
for i in range(n):
    t = dict(tasks[i % len(tasks)])
    k = i // len(tasks)
    if k:
        t["id"] = f'{t["id"]}.{k}'
        t["title"] = f'{t["title"]} (đợt {k})'
    plan.append(t)
doc["plan"]["tasks"] = plan
states = {}
for i in range(0, n, 7):
    states[plan[i]["id"]] = {"status": "in-progress", "progress": 50}
for i in range(3, n, max(1, n // 10))[:10]:
    states[plan[i]["id"]] = {"status": "blocked", "progress": 10}
doc["states"] = states
json.dump(doc, open(out, "w", encoding="utf-8"), ensure_ascii=False)
EOF
}

hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

bench_screen() { # STORE_TEMPLATE -> sets OPEN BURST KEY MEM IDLE
    local opens=() bursts=() keys=() mems=() idle=-
    for r in $(seq "$RUNS"); do
        local db="$WORK/s$r"
        rm -rf "$db"
        cp -a "$1" "$db"
        local timed
        timed=$(python3 "$TIMER" "$TMUX_SOCK" bench "exec $BIN --db $db --as-of $AS_OF")
        read -r open burst key screen_pid <<<"$timed"
        opens+=("$open")
        bursts+=("$burst")
        keys+=("$key")
        local server
        server=$(server_pid "$db")
        mems+=($(( $(hwm_kb "$screen_pid") + $(hwm_kb "$server") )))
        if [[ $r == "$RUNS" ]]; then
            sleep 1
            local c0 c1
            c0=$(( $(cpu_ticks "$screen_pid") + $(cpu_ticks "$server") ))
            sleep 5
            c1=$(( $(cpu_ticks "$screen_pid") + $(cpu_ticks "$server") ))
            idle=$(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))
        fi
        tm send-keys -t bench q
        while alive "$screen_pid"; do sleep 0.01; done
        stop_server "$db"
        rm -rf "$db"
    done
    OPEN=$(ms "$(printf '%s\n' "${opens[@]}" | median)")
    BURST=$(ms "$(printf '%s\n' "${bursts[@]}" | median)")
    KEY=$(ms "$(printf '%s\n' "${keys[@]}" | median)")
    MEM=$(awk -v kb="$(printf '%s\n' "${mems[@]}" | median)" 'BEGIN { printf "%.1f MB", kb / 1024 }')
    IDLE=$idle
}

time_cmd() { # prints the median wall time (ms) of RUNS runs of the command
    local times=() t0
    for _ in $(seq "$RUNS"); do
        t0=$(now_us)
        "$@" >/dev/null
        times+=($(( $(now_us) - t0 )))
    done
    ms "$(printf '%s\n' "${times[@]}" | median)"
}

bench_cli() { # STORE -> sets SHOW FEW OVERDUE JSON JSON_MB EDIT
    local db="$WORK/cli"
    rm -rf "$db"
    cp -a "$1" "$db"
    "$BIN" --db "$db" serve 2>/dev/null &
    SERVERS+=($!)
    local pid=$!
    while [[ ! -S "$db/steerdeck.sock" ]]; do sleep 0.01; done
    local sd=("$BIN" --db "$db" --as-of "$AS_OF")
    "${sd[@]}" show I.1 >/dev/null # warm
    SHOW=$(time_cmd "${sd[@]}" show I.1)
    FEW=$(time_cmd "${sd[@]}" list --status blocked)
    OVERDUE=$(time_cmd "${sd[@]}" list --overdue)
    JSON=$(time_cmd "${sd[@]}" list --format json)
    JSON_MB=$("${sd[@]}" list --format json | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
    EDIT=$(python3 "$EDIT_TIMER" "$db" 50)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$db"
}

main() {
    [[ -x "$BIN" ]] || { echo "no steerdeck binary at $BIN (cargo build --release)" >&2; exit 1; }
    tm new-session -d -s bench -x 80 -y 24 "sleep 100000"
    tm set-option -g remain-on-exit on
    local rows=()
    for n in $SIZES; do
        echo "== $n tasks" >&2
        make_plan "$n" "$WORK/plan-$n.json"
        local store="$WORK/t$n" t0
        mkdir -p "$store"
        t0=$(now_us)
        local import_ms
        if ! "$BIN" --db "$store" import "$WORK/plan-$n.json" >/dev/null 2>"$WORK/import.err"; then
            echo "import of $n tasks failed: $(head -c 300 "$WORK/import.err")" >&2
            rows+=("| $n | import failed: $(head -c 80 "$WORK/import.err") |")
            stop_server "$store"
            continue
        fi
        import_ms=$(ms $(( $(now_us) - t0 )))
        stop_server "$store"
        bench_screen "$store"
        bench_cli "$store"
        rows+=("| $n | $OPEN | $BURST | $KEY | $MEM | $IDLE | $SHOW | $FEW | $OVERDUE | $JSON ($JSON_MB MB) | $EDIT | $import_ms |")
        rm -rf "$store" "$WORK/plan-$n.json"
    done
    echo
    echo "steerdeck $("$BIN" --version | awk '{print $2}'), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(uname -sr); medians of $RUNS, ms"
    echo
    echo "| tasks | open | /VNeID burst | key | memory | idle CPU (5 s) | show | list few | list --overdue | list --format json | edit | import |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
}

main "$@"
