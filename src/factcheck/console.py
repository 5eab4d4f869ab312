"""The console script's entry point: stop signals are handled before any heavy import.

Importing the command line (typer, rich, then spaCy) takes a few tenths of a second;
a Ctrl-C or SIGTERM in that time must still end in "factcheck: interrupted" and
128 + the signal's number, not a traceback or a silent death. So this module
imports nothing of the project's but `factcheck.stages`, installs the handlers,
says that it is ready, and only then imports the CLI (which installs its own).
"""

from __future__ import annotations

import signal
import sys

from factcheck.stages import Interrupted, claim, reached

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def _stop(signum, frame):
    raise Interrupted(signum)


def main() -> None:
    claim()
    for number in STOP_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:  # nohup and background jobs stay as they are
            signal.signal(number, _stop)
    try:
        reached("ready")
        from factcheck.cli import main as cli_main

        # the CLI's own handlers replace these only once its run is set up (and they catch what
        # comes after): a signal in between is still this one's, and must end the same way
        cli_main()
    except Interrupted as stop:
        sys.stderr.write("factcheck: interrupted\n")
        sys.stderr.flush()
        sys.exit(128 + stop.signum)
