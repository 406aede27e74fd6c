#!/usr/bin/env bash
# neo4j-local.sh - build, start, wait for, stop a local Neo4j (embedded Community, Bolt on
# 127.0.0.1 only) from neo4j-local/. Works from any working directory.
#
#   scripts/neo4j-local.sh build
#   scripts/neo4j-local.sh start  [--port N] [--data DIR] [--no-auth]
#   scripts/neo4j-local.sh wait   [--port N] [--data DIR] [--timeout S]
#   scripts/neo4j-local.sh stop   [--data DIR]
#   scripts/neo4j-local.sh kill   [--data DIR]
#   scripts/neo4j-local.sh status [--data DIR]
#
# Defaults: --port 7687 (wait: the port the folder's server was started with), --data
# $REPO/.neo4j/data, --timeout 120. status exits 0 when running, 3 when not. kill is a
# crash (SIGKILL, no checkpoint), for fault tests: the next start recovers from the logs.
# With auth (the default) the password of user neo4j is taken from NEO4J_PASSWORD (>= 8 chars).
# Files in DIR: neo4j-local.log (stdout+stderr), neo4j-local.pid, neo4j-local.port.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO/neo4j-local"
JAR="$PROJECT/target/neo4j-local.jar"
JAVA_OPTS=(-Xms256m -Xmx1g -XX:+UseG1GC)

PORT=7687
PORT_GIVEN=0
DATA="$REPO/.neo4j/data"
AUTH_FLAG=()
TIMEOUT=120

die() { echo "neo4j-local: $*" >&2; exit 1; }

usage() {
    sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# parse_args ALLOWED_FLAGS... -- ARGS...
parse_args() {
    local allowed=()
    while [[ $# -gt 0 && $1 != -- ]]; do allowed+=("$1"); shift; done
    shift || true
    while [[ $# -gt 0 ]]; do
        local flag=$1
        [[ " ${allowed[*]} " == *" $flag "* ]] || die "unknown option for this command: $flag"
        case $flag in
            --port) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "--port needs a number"; PORT=$2; PORT_GIVEN=1; shift 2 ;;
            --data) [[ $# -ge 2 && -n $2 ]] || die "--data needs a folder"; DATA=$2; shift 2 ;;
            --timeout) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "--timeout needs seconds"; TIMEOUT=$2; shift 2 ;;
            --no-auth) AUTH_FLAG=(--no-auth); shift ;;
        esac
    done
    # Absolute path, so pid/log files do not depend on the caller's working directory.
    case $DATA in /*) ;; *) DATA="$PWD/$DATA" ;; esac
    LOG="$DATA/neo4j-local.log"
    PIDFILE="$DATA/neo4j-local.pid"
    PORTFILE="$DATA/neo4j-local.port"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Is PID a java process running our jar?
is_ours() { [[ $(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") == *neo4j-local.jar* ]]; }

# The pid in PIDFILE if that process is alive and is our jar, else nothing.
live_pid() {
    [[ -f $PIDFILE ]] || return 1
    local pid
    pid=$(<"$PIDFILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a stale pid file whose pid now belongs to another process.
    is_ours "$pid" || return 1
    echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_build() {
    local stale=0
    if [[ ! -f $JAR || ! -d $PROJECT/target/lib ]]; then
        stale=1
    elif [[ -n $(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$JAR" -print -quit) ]]; then
        stale=1
    fi
    [[ $stale == 1 ]] || return 0
    command -v mvn >/dev/null || die "mvn not found (Maven is needed to build $PROJECT)"
    echo "neo4j-local: building $JAR" >&2
    local out
    # mvn -q still prints stray colour resets; keep its output only for failures.
    if ! out=$(cd "$PROJECT" && mvn -q -B -DskipTests package 2>&1); then
        printf '%s\n' "$out" >&2
        die "build failed"
    fi
    [[ -f $JAR ]] || die "build produced no $JAR"
}

cmd_wait() {
    # Without --port, wait for the port this folder's server was started with.
    if [[ $PORT_GIVEN == 0 && -f $PORTFILE ]]; then
        PORT=$(<"$PORTFILE")
    fi
    local ready="neo4j-local: ready bolt://127.0.0.1:$PORT"
    local deadline=$((SECONDS + TIMEOUT))
    while true; do
        local pid
        if ! pid=$(live_pid); then
            # While java is being exec'd its /proc cmdline can read empty for a moment:
            # a live pid is given time rather than declared dead.
            if [[ -f $PIDFILE ]] && kill -0 "$(<"$PIDFILE")" 2>/dev/null && ((SECONDS < deadline)); then
                sleep 0.2
                continue
            fi
            if [[ -f $PIDFILE ]]; then
                echo "neo4j-local: pid $(<"$PIDFILE") exited before it was ready (data $DATA); last log lines:" >&2
            else
                echo "neo4j-local: not running (no pid file in $DATA); last log lines:" >&2
            fi
            [[ -f $LOG ]] && tail -n 40 "$LOG" >&2
            return 1
        fi
        if [[ -f $LOG ]] && grep -qxF "$ready" "$LOG" && port_open "$PORT"; then
            echo "$ready"
            return 0
        fi
        if ((SECONDS >= deadline)); then
            echo "neo4j-local: not ready after ${TIMEOUT}s (pid $pid); last log lines:" >&2
            [[ -f $LOG ]] && tail -n 40 "$LOG" >&2
            return 1
        fi
        sleep 0.2
    done
}

cmd_start() {
    local t0 pid
    t0=$(now)
    mkdir -p "$DATA"
    # The default data folder lives in the work tree: keep it out of git.
    if [[ $DATA == "$REPO/.neo4j/"* && ! -e $REPO/.neo4j/.gitignore ]]; then
        echo '*' >"$REPO/.neo4j/.gitignore"
    fi
    if pid=$(live_pid); then
        [[ -f $PORTFILE ]] && PORT=$(<"$PORTFILE")
        PORT_GIVEN=1
        echo "neo4j-local: already running (pid $pid, data $DATA)"
        cmd_wait
        return
    fi
    rm -f "$PIDFILE" "$PORTFILE"
    cmd_build
    if port_open "$PORT"; then
        die "port 127.0.0.1:$PORT is already in use"
    fi
    nohup java "${JAVA_OPTS[@]}" -jar "$JAR" --port "$PORT" --data "$DATA" "${AUTH_FLAG[@]}" \
        </dev/null >"$LOG" 2>&1 &
    pid=$!
    echo "$pid" >"$PIDFILE"
    # $! is the forked shell until it has exec'd java; live_pid checks the command line.
    local i
    for ((i = 0; i < 50; i++)); do
        is_ours "$pid" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$PORT" >"$PORTFILE"
    if ! cmd_wait; then
        # Do not leave a half-started server behind without a pid file.
        live_pid >/dev/null && cmd_stop >&2
        rm -f "$PIDFILE" "$PORTFILE"
        exit 1
    fi
    echo "neo4j-local: started in $(elapsed "$t0")s (pid $pid, data $DATA)"
}

# Has PID exited? A zombie nobody has reaped yet counts, once its other threads are gone
# too: the leader of a killed JVM turns zombie while its threads still hold the Bolt port
# and the store lock.
gone() {
    kill -0 "$1" 2>/dev/null || return 0
    [[ $(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) == Z ]] || return 1
    local tasks=("/proc/$1/task/"*)
    [[ ${#tasks[@]} -le 1 ]]
}

# await_gone PID SECONDS: wait until PID has exited; fail after SECONDS.
await_gone() {
    local deadline=$((SECONDS + $2))
    until gone "$1"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

not_running() {
    rm -f "$PIDFILE" "$PORTFILE"
    echo "neo4j-local: not running (data $DATA)"
}

cmd_stop() {
    local pid t0
    pid=$(live_pid) || { not_running; return 0; }
    t0=$(now)
    kill -TERM "$pid"
    if ! await_gone "$pid" 60; then
        echo "neo4j-local: WARNING: pid $pid still running 60s after SIGTERM; sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        await_gone "$pid" 10 || true
    fi
    rm -f "$PIDFILE" "$PORTFILE"
    echo "neo4j-local: stopped (pid $pid, $(elapsed "$t0")s)"
}

cmd_kill() {
    local pid t0
    pid=$(live_pid) || { not_running; return 0; }
    t0=$(now)
    kill -KILL "$pid"
    await_gone "$pid" 30 || die "pid $pid still there 30s after SIGKILL"
    rm -f "$PIDFILE" "$PORTFILE"
    echo "neo4j-local: killed (pid $pid, $(elapsed "$t0")s)"
}

cmd_status() {
    local pid
    if pid=$(live_pid); then
        local port="?"
        [[ -f $PORTFILE ]] && port=$(<"$PORTFILE")
        echo "neo4j-local: running (pid $pid, bolt://127.0.0.1:$port, data $DATA)"
    else
        echo "neo4j-local: not running (data $DATA)"
        return 3
    fi
}

main() {
    [[ $# -ge 1 ]] || { usage >&2; exit 2; }
    local cmd=$1
    shift
    case $cmd in
        build)  [[ $# -eq 0 ]] || die "build takes no options"; cmd_build ;;
        start)  parse_args --port --data --no-auth -- "$@"; cmd_start ;;
        wait)   parse_args --port --data --timeout -- "$@"; cmd_wait ;;
        stop)   parse_args --data -- "$@"; cmd_stop ;;
        kill)   parse_args --data -- "$@"; cmd_kill ;;
        status) parse_args --data -- "$@"; cmd_status ;;
        -h|--help|help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
