#!/usr/bin/env python3
"""Times one screen session in tmux, for benches/whole-process.sh.

    screen-timer.py TMUX_SOCKET SESSION COMMAND

Launches COMMAND in the session's pane (respawn-pane) and measures, in microseconds:

  open   launch to the first task row on screen
  burst  "/VNeID" + Enter sent in one burst, to the filtered screen
  key    one more search key ("D" after "/VNeI"), to the re-filtered screen

It prints "open burst key pane_pid" and leaves the screen running (the caller reads its memory
and idle CPU, then quits it).

The screen is read as a person would see it (capture-pane), through one tmux control-mode
client: each look is a command on a connection already open, not a new tmux and grep process
(which, polled in a loop on a 2-core machine, took a core from the program being measured and
added 20-30 ms to what it measured).
"""

import re
import subprocess
import sys
import time

FIRST_ROW = re.compile(r"^[! ] +I\.1 ", re.M)
SEARCHED = re.compile(r'tìm "VNeID"')
SEARCHED_SHORT = re.compile(r'tìm "VNeI"')
FILTERED_ROW = re.compile(r"III\.13 ")
NO_FILTER = re.compile(r"^ Lọc: không", re.M)


class Control:
    """A tmux control-mode client: commands in, their output blocks out."""

    def __init__(self, socket, session):
        self.p = subprocess.Popen(
            ["tmux", "-L", socket, "-f", "/dev/null", "-C", "attach", "-t", session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )

    def run(self, command):
        self.p.stdin.write(command + "\n")
        self.p.stdin.flush()
        lines, inside = [], False
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise SystemExit("tmux control client ended")
            line = line.rstrip("\n")
            if line.startswith("%begin"):
                # Flags 1: the answer to a command of this client (not the attach's own).
                inside, lines = line.split()[-1] == "1", []
            elif line.startswith("%end") and inside:
                return "\n".join(lines)
            elif line.startswith("%error") and inside:
                raise SystemExit(f"tmux refused {command!r}: {' '.join(lines)}")
            elif inside:
                lines.append(line)

    def screen(self):
        return self.run("capture-pane -p -t bench")

    def wait(self, pattern, limit=30.0):
        """Looks until the screen matches; the time (ns) it first did."""
        end = time.monotonic() + limit
        while True:
            text = self.screen()
            if pattern.search(text):
                return time.monotonic_ns()
            if time.monotonic() > end:
                sys.stderr.write(f"timed out waiting for /{pattern.pattern}/; the screen:\n{text}\n")
                raise SystemExit(1)

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def main():
    socket, session, command = sys.argv[1], sys.argv[2], sys.argv[3]
    c = Control(socket, session)
    size = c.run(f"display -p -t {session} '#{{pane_width}}x#{{pane_height}}'").strip()
    if size != "80x24":
        raise SystemExit(f"the pane is {size}, not 80x24")
    quoted = command.replace("\\", "\\\\").replace('"', '\\"')
    t0 = time.monotonic_ns()
    c.run(f'respawn-pane -k -t {session} "{quoted}"')
    open_ns = c.wait(FIRST_ROW) - t0
    time.sleep(0.5)  # nobody searches in the first half second; the index is built meanwhile
    t0 = time.monotonic_ns()
    c.run(f"send-keys -t {session} / V N e I D Enter")
    burst_ns = c.wait(SEARCHED) - t0
    c.wait(FILTERED_ROW)
    c.run(f"send-keys -t {session} Escape")
    c.wait(NO_FILTER)
    c.run(f"send-keys -t {session} / V N e I")
    c.wait(SEARCHED_SHORT)
    time.sleep(0.1)
    t0 = time.monotonic_ns()
    c.run(f"send-keys -t {session} D")
    key_ns = c.wait(SEARCHED) - t0
    c.run(f"send-keys -t {session} Escape")
    c.wait(NO_FILTER)
    pid = c.run(f"display -p -t {session} '#{{pane_pid}}'").strip()
    c.close()
    print(open_ns // 1000, burst_ns // 1000, key_ns // 1000, pid)


if __name__ == "__main__":
    main()
