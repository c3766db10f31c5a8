# Runs "$0" "$@" (the emulator) until the process whose id is $WATCHDOG_PARENT is gone, then stops it: test hosts and
# CLIs are often killed rather than exited, and the emulator must not outlive them. SIGTERM to the watchdog is passed
# on, so a graceful stop still lets Azurite flush its persistent store.
"$0" "$@" &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
while kill -0 "$WATCHDOG_PARENT" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
kill -TERM $child 2>/dev/null
wait $child
