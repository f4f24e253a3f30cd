#!/usr/bin/env bash
# Side-by-side benchmark of the packaged standalone host and nginx serving the same bytes, in one run,
# over loopback. Prints a table of ratios against the targets of issue 10. Takes about 4 minutes and
# up to 5 GB of /tmp (the host keeps every version it saves).
#
#   bench/run.sh                 # builds the jar first if it is missing
#   DURATION=10 CONNECTIONS=64 MANY=100000 bench/run.sh
#   ONLY="cfi lock" bench/run.sh # some rows only: cfi lock get put big many
#   KEEP=1 HOST_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/host.jfr,dumponexit=true,settings=profile" bench/run.sh
#
# The host runs with its defaults but two (see bench.conf below). Needs java 17, maven (only to
# build a missing jar), nginx, wrk, curl and bc; it installs nothing and says what is missing
# (on Debian or Ubuntu: apt-get install nginx wrk curl bc).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=${JAR:-$ROOT/nuxeo-wopi-standalone/target/nuxeo-wopi-standalone.jar}
DURATION=${DURATION:-10}       # seconds per wrk run
# Seconds of load on each of CheckFileInfo and Lock before anything is measured, by WARMUP_CONNECTIONS
# connections. A host runs for hours: the bench measures it once the JIT has compiled the request
# path. Under the full 64 connections, 64 request threads left the compiler threads so little of the
# 2 cores that after 30 s of load C2 still had 386-527 methods queued in some runs, the request
# line was parsed by interpreted code, and a Lock took twice the CPU time (jcmd Compiler.queue);
# with 4 connections the queue is empty by the end of the warm-up.
WARMUP=${WARMUP:-30}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
CONNECTIONS=${CONNECTIONS:-64}
PUT_WARMUP=${PUT_WARMUP:-10}  # 100 MB PutFiles before the PutFile rows
LOCK_FILES=${LOCK_FILES:-64}   # documents the Lock/RefreshLock load is spread over
MANY=${MANY:-100000}           # documents for the "many documents" CheckFileInfo run
# The collector the README advises for a small heap: G1's barriers and its near-constant concurrent
# cycles in 64 MB doubled the CPU time of a Lock (README, "Which collector").
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseParallelGC}
ONLY=${ONLY:-cfi lock get put big many}

log() { echo "[bench] $*" >&2; }

ensure_tools() {
    local missing=()
    command -v java >/dev/null || missing+=(java)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    command -v bc >/dev/null || missing+=(bc)
    if [ ${#missing[@]} -gt 0 ]; then
        log "missing: ${missing[*]} (Debian/Ubuntu: apt-get install ${missing[*]/java/openjdk-17-jdk-headless})"
        exit 1
    fi
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# runs ROW: whether the row ROW (cfi lock get put big many) is asked for
runs() { [[ " $ONLY " == *" $1 "* ]]; }

ensure_jar() {
    if [ ! -f "$JAR" ]; then
        log "building $JAR"
        (cd "$ROOT" && mvn -B -q -DskipTests package -pl nuxeo-wopi-standalone -am)
    fi
}

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

cleanup() {
    [ -n "${HOST_PID:-}" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null || true
    [ -f "${WORK:-/nonexistent}/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then log "kept $WORK"; elif [ -n "${WORK:-}" ]; then rm -rf "$WORK"; fi
}

# jit_queue: how many methods wait in the host JVM's compile queues ("?" without jcmd)
jit_queue() {
    if command -v jcmd >/dev/null; then
        jcmd "$HOST_PID" Compiler.queue 2>/dev/null | grep -cE '^[0-9]+ ' || true
    else
        echo "?"
    fi
}

# cpu_ticks: the CPU time the host's JVM has used so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$HOST_PID/stat"; }

# wrk_run NAME URL [wrk args...]: prints "req/s p99_ms non2xx host_cpu_us_per_request" and keeps wrk's
# output in $WORK/NAME.wrk. The CPU per request is the host's, whichever server is loaded: it stays
# meaningful on a machine that other work shares, where throughput and latency do not.
wrk_run() {
    local name=$1 url=$2 before after
    shift 2
    before=$(cpu_ticks)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" "$@" >"$WORK/$name.wrk" 2>&1
    after=$(cpu_ticks)
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        / requests in / { n = $1 }
        /Requests\/sec:/ { rps = $2 }
        $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                      p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
        /Non-2xx or 3xx responses:/ { bad = $5 }
        /Socket errors:/ { bad = bad "+sock" }
        END { printf "%.0f %.2f %s %.0f\n", rps, p99, (bad == "" ? 0 : bad), ticks * 1000000 / hz / n }' "$WORK/$name.wrk"
}

# faster RUN RUN: of two wrk_run lines, the one with more requests per second. The CheckFileInfo and
# Lock rows load each server twice, host and nginx in turn, and keep each one's faster run: the
# machine's speed drifts within minutes, and both sides then get the same chance (as side_by_side
# gives GetFile and PutFile).
faster() { if [ "${1%% *}" -ge "${2%% *}" ]; then echo "$1"; else echo "$2"; fi; }

# best_seconds N COMMAND...: the shortest wall time of N runs, in seconds, or FAILED; adds the
# host's CPU time of these runs, in clock ticks, to HOST_TICKS (read by the caller; not in a subshell)
best_seconds() {
    local n=$1 best="" t s ticks
    shift
    ticks=$(cpu_ticks)
    for _ in $(seq "$n"); do
        s=$(date +%s%N)
        "$@" >/dev/null || { echo FAILED >"$WORK/best"; return; }
        t=$(($(date +%s%N) - s))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    HOST_TICKS=$((HOST_TICKS + $(cpu_ticks) - ticks))
    echo "scale=3; $best / 1000000000" | bc -l | sed 's/^\./0./' >"$WORK/best"
}

# timed VAR N COMMAND...: VAR = best_seconds N COMMAND...
timed() { local var=$1; shift; best_seconds "$@"; printf -v "$var" '%s' "$(cat "$WORK/best")"; }

# cpu_ms_each RUNS: the host's CPU time per run in HOST_TICKS, in ms
cpu_ms_each() { echo $((HOST_TICKS * 1000 / $(getconf CLK_TCK) / $1)); }

# side_by_side HOST_COMMAND OTHER_COMMAND: the best of 4 runs of each, two by two in turn so that both
# see the same machine; sets HOST_BEST and OTHER_BEST (seconds, or FAILED) and HOST_CPU_MS (the host's
# CPU time per run of HOST_COMMAND, the other's runs left out)
side_by_side() {
    local host=$1 other=$2 h1 h2 o1 o2 ticks
    HOST_TICKS=0
    timed h1 2 "$host"
    ticks=$HOST_TICKS
    timed o1 2 "$other"
    HOST_TICKS=$ticks
    timed h2 2 "$host"
    HOST_CPU_MS=$(cpu_ms_each 4)
    timed o2 2 "$other"
    HOST_BEST=$(min "$h1" "$h2")
    OTHER_BEST=$(min "$o1" "$o2")
}

ratio() { case "$1$2" in *FAILED*) echo - ;; *) echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./' ;; esac; }
mbs() { case "$2" in FAILED) echo FAILED ;; *) echo "scale=0; $1 / $2 / 1048576" | bc -l ;; esac; }
# min A B: the shorter of two durations in seconds (FAILED wins)
min() { case "$1$2" in *FAILED*) echo FAILED ;; *) echo "if ($1 < $2) $1 else $2" | bc -l | sed 's/^\./0./' ;; esac; }

get_ok() { # URL EXPECTED_SIZE
    local out
    out=$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' "$1")
    [ "$out" = "200 $2" ] || { log "GET $1 answered $out, expected 200 $2"; return 1; }
}

put_ok() { # URL FILE
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'X-WOPI-Override: PUT' -H 'X-WOPI-Lock: bench-lock' \
        -H 'Content-Type: application/octet-stream' -T "$2" "$1")
    [ "$code" = 200 ] || { log "PutFile answered $code"; return 1; }
}

lock() { # URL
    curl -sS -o /dev/null -X POST -H 'X-WOPI-Override: LOCK' -H 'X-WOPI-Lock: bench-lock' "$1"
}

# copy_fsync SRC DST: what the PutFile target compares with, cp then sync of the copy; each copy a
# new file (DST.1, DST.2, ...), as each PutFile's is, and cp's own way (copy_file_range, in the kernel)
copy_fsync() {
    COPIES=$((${COPIES:-0} + 1))
    cp -- "$1" "$2.$COPIES" && sync -- "$2.$COPIES"
}

nginx_put_fsync() { # FILE: the same upload as put_ok, to nginx's WebDAV PUT, then the file forced to disk
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' -T "$1" "$NG/put/upload.bin")
    case "$code" in 201 | 204) sync "$WORK/www/put/upload.bin" ;; *) log "nginx PUT answered $code"; return 1 ;; esac
}

url_of() { tr -d "\n" | sed -n 's/.*"wopiSrc" *: *"\([^"]*\)".*"accessToken" *: *"\([^"]*\)".*/\1?access_token=\2/p'; }
id_of() { tr -d "\n" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p'; }
cli() { java -jar "$JAR" "$@" --data "$WORK/data" --config "$WORK/bench.conf"; }

main() {
    ensure_tools
    ensure_jar
    WORK=$(mktemp -d /tmp/wopi-bench.XXXXXX)
    trap cleanup EXIT
    mkdir -p "$WORK/www" "$WORK/data"
    # Departures from the defaults: files up to 2 GB (the 1 GB round trip), and as many requests in
    # progress per client address as wrk has connections (one address stands for many clients here).
    printf "%s\n" "nuxeo.wopi.maxFileSize=2147483648" "standalone.http.threadsPerClient=$CONNECTIONS" >"$WORK/bench.conf"

    log "test files"
    echo "bench" >"$WORK/small.txt"
    if runs get; then head -c $((256 * 1024 * 1024)) /dev/urandom >"$WORK/www/get256.bin"; else echo x >"$WORK/www/get256.bin"; fi
    if runs put; then head -c $((100 * 1024 * 1024)) /dev/urandom >"$WORK/put100.bin"; fi
    if runs big; then head -c $((1024 * 1024 * 1024)) /dev/zero >"$WORK/one-gb.bin"; fi

    log "starting the host ($JAVA_OPTS)"
    # shellcheck disable=SC2086
    java $JAVA_OPTS ${HOST_JAVA_OPTS:-} -jar "$JAR" --port 0 --data "$WORK/data" --config "$WORK/bench.conf" \
        >"$WORK/host.out" 2>"$WORK/host.err" &
    HOST_PID=$!
    # server-url: the URL on its first line, then the id of the process serving it
    for _ in $(seq 120); do [ -s "$WORK/data/server-url" ] && curl -fs "$(head -n1 "$WORK/data/server-url")health" >/dev/null && break; sleep 0.5; done
    HOST_URL=$(head -n1 "$WORK/data/server-url")

    local small big one
    small=$(cli import --file "$WORK/small.txt" --owner alice --title bench-template | id_of)
    big=$(cli import --file "$WORK/www/get256.bin" --owner alice --title big | id_of)
    one=$(cli import --file "$WORK/small.txt" --owner alice --title one-gb | id_of)
    CFI=$(cli token --user alice --doc "$small" | url_of)
    BIG=$(cli token --user alice --doc "$big" | url_of)
    ONE=$(cli token --user alice --doc "$one" | url_of)
    java -cp "$JAR" "$HERE/BenchData.java" seed "$WORK/data" "$small" "$LOCK_FILES" >/dev/null
    java -cp "$JAR" "$HERE/BenchData.java" urls "$WORK/data" "$HOST_URL" bench- "$LOCK_FILES" >"$WORK/lock-urls"
    sed 's#^https\?://[^/]*##' "$WORK/lock-urls" >"$WORK/lock-paths"
    while read -r u; do lock "$u"; done <"$WORK/lock-urls"
    DOCS=$(java -cp "$JAR" "$HERE/BenchData.java" seed "$WORK/data" "$small" 0)

    log "starting nginx"
    curl -sS "$CFI" >"$WORK/www/cfi.json"
    NGINX_PORT=$(free_port)
    local user_line=""
    [ "$(id -u)" -eq 0 ] && user_line="user root;"
    cat >"$WORK/nginx.conf" <<EOF
$user_line
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx.access;
    sendfile on;
    keepalive_requests 1000000;
    types { application/json json; application/octet-stream bin; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location = /lock { return 200; }
        location /put/ { dav_methods PUT; client_max_body_size 2g; client_body_temp_path $WORK/nginx-body; }
    }
}
EOF
    mkdir -p "$WORK/www/put" "$WORK/nginx-body"
    "$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
    NG="http://127.0.0.1:$NGINX_PORT"
    get_ok "$NG/cfi.json" "$(stat -c %s "$WORK/www/cfi.json")"

    log "warm-up ${WARMUP}s"
    CONNECTIONS=$WARMUP_CONNECTIONS DURATION=$WARMUP wrk_run warm-cfi "$CFI" >/dev/null
    CONNECTIONS=$WARMUP_CONNECTIONS DURATION=$WARMUP wrk_run warm-lock "$HOST_URL" -s "$HERE/lock.lua" -- "$WORK/lock-paths" >/dev/null
    JIT_QUEUE=$(jit_queue)
    log "methods waiting for the JIT after the warm-up: $JIT_QUEUE"

    local rows=() r_line='%-34s %8s r/s %8s r/s %7s %7s ms %7s ms %s' s_line='%-34s %8s s  %8s s  %7s %10s %10s %s'
    row() { local format=$1; shift; rows+=("$(printf "$format" "$@")"); }

    # requests_row LABEL NAME HOST_URL NGINX_URL [LUA [HOST_PATHS]]: wrk on each server twice, in turn
    # (LUA for both, HOST_PATHS for the host only), and a row of each one's faster run
    requests_row() {
        local label=$1 name=$2 host_url=$3 nginx_url=$4 host_args=() nginx_args=() h1 n1 h2 n2
        if [ $# -ge 5 ]; then nginx_args=(-s "$5"); host_args=(-s "$5"); fi
        if [ $# -ge 6 ]; then host_args+=(-- "$6"); fi
        h1=$(wrk_run "host-$name-1" "$host_url" "${host_args[@]}")
        n1=$(wrk_run "nginx-$name-1" "$nginx_url" "${nginx_args[@]}")
        h2=$(wrk_run "host-$name-2" "$host_url" "${host_args[@]}")
        n2=$(wrk_run "nginx-$name-2" "$nginx_url" "${nginx_args[@]}")
        read -r h_rps h_p99 h_bad h_cpu <<<"$(faster "$h1" "$h2")"
        read -r n_rps n_p99 _ <<<"$(faster "$n1" "$n2")"
        row "$r_line" "$label" "$h_rps" "$n_rps" "$(ratio "$h_rps" "$n_rps")" "$h_p99" "$n_p99" \
            ">=0.25x, p99<10ms (non-2xx: $h_bad; host CPU ${h_cpu} us/req)"
    }

    if runs cfi; then
        log "CheckFileInfo"
        requests_row "CheckFileInfo" cfi "$CFI" "$NG/cfi.json"
    fi
    if runs lock; then
        log "Lock/RefreshLock"
        requests_row "Lock/RefreshLock ($LOCK_FILES files)" lock "$HOST_URL" "$NG/lock" "$HERE/lock.lua" "$WORK/lock-paths"
    fi
    if runs get; then
        log "GetFile 256 MB"
        local size=$((256 * 1024 * 1024))
        host_get() { get_ok "${BIG/\?/\/contents?}" "$size"; }
        nginx_get() { get_ok "$NG/get256.bin" "$size"; }
        host_get
        side_by_side host_get nginx_get
        row '%-34s %7s MB/s %7s MB/s %7s %10s %10s %s' "GetFile 256 MB" "$(mbs $size "$HOST_BEST")" \
            "$(mbs $size "$OTHER_BEST")" "$(ratio "$OTHER_BEST" "$HOST_BEST")" - - \
            ">=0.9x (host CPU $HOST_CPU_MS ms per GetFile)"
    fi
    if runs put; then
        log "PutFile 100 MB"
        lock "$BIG"
        host_put() { put_ok "${BIG/\?/\/contents?}" "$WORK/put100.bin"; }
        copy_put() { copy_fsync "$WORK/put100.bin" "$WORK/copy.bin"; }
        # as after hours of saves: the upload path compiled (the first PutFile took 0.22 s, the
        # tenth 0.13 s here)
        for _ in $(seq "$PUT_WARMUP"); do host_put; done
        side_by_side host_put copy_put
        rm -f "$WORK"/copy.bin.*
        row "$s_line" "PutFile 100 MB (nginx col: cp+fsync)" "$HOST_BEST" "$OTHER_BEST" \
            "$(ratio "$HOST_BEST" "$OTHER_BEST")" - - "<=1.5x of cp+fsync (host CPU $HOST_CPU_MS ms per PutFile)"
        # Not a target: the same upload through the same client into nginx, then forced, shows what
        # receiving 100 MB over HTTP costs on this machine before any host does anything with it.
        nginx_put() { nginx_put_fsync "$WORK/put100.bin"; }
        side_by_side host_put nginx_put
        row "$s_line" "PutFile 100 MB (nginx PUT+fsync)" "$HOST_BEST" "$OTHER_BEST" \
            "$(ratio "$HOST_BEST" "$OTHER_BEST")" - - "context: HTTP upload in both columns"
    fi
    if runs big; then
        log "1 GB both ways"
        lock "$ONE"
        local one_put one_get one_cp
        timed one_put 1 put_ok "${ONE/\?/\/contents?}" "$WORK/one-gb.bin"
        timed one_get 1 get_ok "${ONE/\?/\/contents?}" $((1024 * 1024 * 1024))
        timed one_cp 1 copy_fsync "$WORK/one-gb.bin" "$WORK/copy.bin"
        rm -f "$WORK"/copy.bin.* "$WORK/one-gb.bin"
        curl -fs "${HOST_URL}health" >/dev/null || { log "the host is down after 1 GB"; exit 1; }
        row "$s_line" "PutFile 1 GB (vs cp+fsync)" "$one_put" "$one_cp" "$(ratio "$one_put" "$one_cp")" - - "succeeds in $JAVA_OPTS"
        row '%-34s %8s s  %10s %7s %10s %10s %s' "GetFile 1 GB" "$one_get" - - - - "succeeds in $JAVA_OPTS"
    fi
    if runs many; then
        log "CheckFileInfo with $MANY more documents"
        read -r few_rps few_p99 _ few_cpu < <(wrk_run host-cfi-few "$CFI")
        MANY_DOCS=$(java -cp "$JAR" "$HERE/BenchData.java" seed "$WORK/data" "$small" "$MANY")
        read -r many_rps many_p99 many_bad many_cpu < <(wrk_run host-cfi-many "$CFI")
        row "$r_line" "CheckFileInfo $MANY_DOCS vs $DOCS docs" "$many_rps" "$few_rps" "$(ratio "$many_rps" "$few_rps")" \
            "$many_p99" "$few_p99" ">=0.9x (non-2xx: $many_bad; host CPU ${many_cpu} vs ${few_cpu} us/req)"
    fi

    echo
    echo "nuxeo-wopi standalone ($JAVA_OPTS) vs nginx $("$NGINX" -v 2>&1 | sed 's#.*/##'), loopback, $(nproc) cores," \
        "wrk -t2 -c$CONNECTIONS -d${DURATION}s, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)," \
        "methods queued for the JIT after the warm-up: $JIT_QUEUE"
    printf '%-34s %12s %12s %7s %10s %10s %s\n' operation host nginx ratio "host p99" "nginx p99" target
    printf '%s\n' "${rows[@]}"
}

main "$@"
