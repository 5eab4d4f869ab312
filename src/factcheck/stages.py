"""Points a run passes, for those who need to act at a known moment (the interruption tests).

With FACTCHECK_STAGE_FD set to an open file descriptor, the main process writes
one line per stage to it: `ready` (stop signals handled), `loaded` (rules and
records read), `checked` (after each document), `reported` (the report written).
A test waits for a line instead of sleeping a fixed time. With FACTCHECK_STAGE_ACK_FD
also set, the run then waits at each stage for one byte (or end of file) on that
descriptor: the test acts (sends its signal) before the run goes on, so the signal
lands at the stage however loaded the machine is. Unset, nothing happens.
Kept free of heavy imports: the console entry imports it first.
"""

from __future__ import annotations

import os

_MAIN_PID: int | None = None  # set by the console entry: library users and workers say nothing


class Interrupted(BaseException):
    """A signal that ends the run (SIGINT, SIGTERM, SIGHUP), raised where the run was.

    Not a KeyboardInterrupt, which click would turn into an Abort after printing
    an empty line; a BaseException, so that no `except Exception` swallows it and
    every `finally` (and the atomic writes' clean-up) runs on the way out.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def claim() -> None:
    """This process is the run's main process: it alone reports its stages."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()


def reached(stage: str) -> None:
    descriptor = os.environ.get("FACTCHECK_STAGE_FD")
    if not descriptor or os.getpid() != _MAIN_PID:
        return
    try:
        os.write(int(descriptor), f"{stage}\n".encode())
        acknowledgement = os.environ.get("FACTCHECK_STAGE_ACK_FD")
        if acknowledgement:
            os.read(int(acknowledgement), 1)  # a signal sent meanwhile is handled here
    except (OSError, ValueError):
        pass
