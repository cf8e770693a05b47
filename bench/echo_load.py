#!/usr/bin/env python3
"""Load generator for programs/echo_server.py: requests per second.

    python3 bench/echo_load.py [--interp minipy --interp python3 ...] [-c CONNS] [-t SECONDS]

For each interpreter it starts `INTERP programs/echo_server.py PORT`, opens
CONNS connections, and on each sends a 64-byte line and waits for its echo,
over and over, for SECONDS; a request is one line echoed back whole. The
clients are threads of this process (run it under CPython) using blocking
sockets, so the server is the only event loop being measured. Servers are
measured alternately, ROUNDS times each, and the median is reported.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = b"x" * 63 + b"\n"


def wait_port(port, deadline):
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def measure(interp, port, conns, seconds):
    server = subprocess.Popen([interp, os.path.join(ROOT, "programs", "echo_server.py"), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        if not wait_port(port, time.monotonic() + 10):
            raise RuntimeError(f"{interp}: server did not start")
        counts = [0] * conns
        stop = time.monotonic() + seconds

        def client(k):
            with socket.create_connection(("127.0.0.1", port)) as s:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                while time.monotonic() < stop:
                    s.sendall(LINE)
                    got = b""
                    while len(got) < len(LINE):
                        chunk = s.recv(4096)
                        if not chunk:
                            raise RuntimeError("server closed the connection")
                        got += chunk
                    assert got == LINE
                    counts[k] += 1

        threads = [threading.Thread(target=client, args=(k,)) for k in range(conns)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return sum(counts) / (time.monotonic() - t0)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", action="append")
    ap.add_argument("-c", "--conns", type=int, default=20)
    ap.add_argument("-t", "--seconds", type=float, default=3.0)
    ap.add_argument("-r", "--rounds", type=int, default=3)
    ap.add_argument("--port", type=int, default=18777)
    args = ap.parse_args()
    interps = args.interp or [os.path.join(ROOT, "build", "minipy"), sys.executable]
    results = {i: [] for i in interps}
    for r in range(args.rounds):
        for i in interps:
            results[i].append(measure(i, args.port, args.conns, args.seconds))
    for i in interps:
        print(f"{i}: {statistics.median(results[i]):,.0f} requests/s "
              f"(runs: {', '.join(f'{x:,.0f}' for x in results[i])})")


if __name__ == "__main__":
    main()
