#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A ticket printed through a real CUPS: the test starts its own cupsd (in
# a temporary ServerRoot, listening on a socket of its own), adds a raw
# queue whose device is a file, prints with lotsen-admin, and checks the
# job arrived with the ticket's label in it.  Then the queue is stopped,
# and printing must fail with exit status 1.  Skipped (77) where cupsd
# cannot start: not root, or CUPS not installed.
#
#   test-cups-print.sh LOTSEN-ADMIN
set -euo pipefail

admin=${1:?usage: $0 LOTSEN-ADMIN}

skip () { echo "SKIP: $*"; exit 77; }

[ "$(id -u)" -eq 0 ] || skip "cupsd needs root"
for tool in cupsd lpadmin lpstat cupsdisable pdftotext; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || skip "no $tool"
done
PATH=$PATH:/usr/sbin

root=$(mktemp -d "${TMPDIR:-/tmp}/lotsen-cups-XXXXXX")
pid=
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

mkdir -p "$root"/{spool,cache,state,tmp,log}
cat > "$root/cupsd.conf" <<CONF
Listen $root/cups.sock
LogLevel info
WebInterface No
DefaultAuthType None
PreserveJobFiles Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cat > "$root/cups-files.conf" <<CONF
ServerRoot $root
RequestRoot $root/spool
CacheDir $root/cache
StateDir $root/state
TempDir $root/tmp
ErrorLog $root/log/error_log
AccessLog $root/log/access_log
PageLog $root/log/page_log
FileDevice Yes
CONF

cupsd -f -c "$root/cupsd.conf" -s "$root/cups-files.conf" >"$root/log/stdout" 2>&1 &
pid=$!
export CUPS_SERVER=$root/cups.sock
for _ in $(seq 100); do
  [ -S "$CUPS_SERVER" ] && lpstat -r >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || skip "cupsd did not start: $(tail -3 "$root/log/stdout" "$root/log/error_log" 2>/dev/null)"
  sleep 0.1
done
lpstat -r >/dev/null 2>&1 || skip "cupsd does not answer"

lpadmin -p lotsen-test -E -v "file://$root/out.prn"

db=$root/lotsen.db
label=$("$admin" --database "$db" ticket take A --lang ti)
[ "$label" = A001 ] || { echo "FAIL: took $label"; exit 1; }

"$admin" --database "$db" ticket print "$label" --printer lotsen-test

# The job arrives, is done, and its document is the ticket.
for _ in $(seq 300); do
  lpstat -W completed -o lotsen-test 2>/dev/null | grep -q lotsen-test- && break
  sleep 0.1
done
lpstat -W completed -o lotsen-test | grep -q lotsen-test- || { echo "FAIL: no completed job"; exit 1; }
document=$(ls "$root"/spool/d*-001 | head -1)
text=$(pdftotext "$document" -)
grep -q "$label" <<<"$text" || { echo "FAIL: the job does not hold $label:"; echo "$text"; exit 1; }
grep -q "ሓፈሻዊ" <<<"$text" || { echo "FAIL: the job lacks the service in Tigrinya"; exit 1; }
echo "ok: job arrived with $label"

# A stopped printer: said plainly, exit status 1, nothing stored changes.
cupsdisable lotsen-test
set +e
message=$("$admin" --database "$db" ticket print "$label" --printer lotsen-test 2>&1)
status=$?
set -e
[ "$status" -eq 1 ] || { echo "FAIL: a stopped printer gave exit status $status: $message"; exit 1; }
echo "ok: stopped printer refused ($message)"
