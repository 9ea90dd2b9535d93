#!/bin/sh
# govdraft from the offline installer: the bundled Node.js runs the bundled code; no npm, no network.
set -eu
root=$(dirname "$(dirname "$(readlink -f "$0")")")
node="$root/node/bin/node"
[ -x "$node" ] || node=node
exec "$node" "$root/dist/cli/main.js" "$@"
