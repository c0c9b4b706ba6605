#!/usr/bin/env bash
# Sourced by scripts/test.sh: a throwaway PostgreSQL cluster on 127.0.0.1 for the
# store tests, from Debian's postgresql package. Exports ATLAS_TEST_POSTGRES_URL.

postgres_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ]; then
        echo "PostgreSQL is not installed: the PostgreSQL store tests will be skipped" >&2
        return 0
    fi
    PG_DIR=$(mktemp -d /tmp/atlas-pg.XXXXXX)
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U atlas --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on" start >/dev/null
    "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U atlas atlas_test
    PG_BIN=$bin
    export ATLAS_TEST_POSTGRES_URL="postgresql+psycopg://atlas@127.0.0.1:$PG_PORT/atlas_test"
}

postgres_stop() {
    if [ -n "${PG_DIR:-}" ]; then
        local run=()
        [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
        "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
}
