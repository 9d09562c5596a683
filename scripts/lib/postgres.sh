# Starts a throw-away PostgreSQL cluster on a loopback port, as the postgres user (the server
# refuses to run as root). Sets PG_URL (admin URL, trust auth on loopback) and PG_DIR.
# Usage: source scripts/lib/postgres.sh; pg_start; ...; pg_stop

pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

pg_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    local bin
    bin=$(pg_bindir) || { echo "PostgreSQL server binaries not found" >&2; return 1; }
    PG_DIR=$(mktemp -d /tmp/blason-pg.XXXXXX)
    PG_PORT=$(pg_free_port)
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DIR"
    as_postgres "$bin/initdb" -D "$PG_DIR/data" -U blason --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
    PG_URL="postgres://blason@127.0.0.1:$PG_PORT/postgres"
    export PG_URL PG_DIR PG_PORT
}

# Creates a database and prints its URL.
pg_create_db() {
    local name=$1 bin
    bin=$(pg_bindir)
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U blason "$name"
    echo "postgres://blason@127.0.0.1:$PG_PORT/$name"
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    local bin
    bin=$(pg_bindir)
    as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
}
