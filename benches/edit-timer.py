#!/usr/bin/env python3
"""Times an edit's round trip through a running server, for benches/whole-process.sh.

    edit-timer.py STORE_DIR [EDITS]

Connects to the store's server as a session does (the protocol's hello on its Unix socket),
sets the progress of task I.2 EDITS times (default 50), each a change written and made durable
before it is answered, and prints the median round trip in milliseconds.
"""

import json
import socket
import sys
import time


def main():
    db = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    s = socket.socket(socket.AF_UNIX)
    s.connect(db + "/steerdeck.sock")
    lines = s.makefile("rb")
    s.sendall(b'{"steerdeck":1,"version":"0.1.0"}\n')
    lines.readline()

    def call(i, op):
        s.sendall((json.dumps(dict(id=i, **op)) + "\n").encode())
        return json.loads(lines.readline())

    plan = call(1, {"op": "active"})["ok"]
    times = []
    for i in range(edits):
        command = {"command": "update", "plan": plan, "task": "I.2", "progress": i % 100}
        t0 = time.perf_counter()
        answer = call(i + 2, {"op": "execute", "command": command})
        times.append(time.perf_counter() - t0)
        if "ok" not in answer:
            raise SystemExit(f"the edit was refused: {answer}")
    times.sort()
    print(f"{times[len(times) // 2] * 1000:.2f}")


if __name__ == "__main__":
    main()
