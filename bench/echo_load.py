#!/usr/bin/env python3
"""Load generator for programs/echo_server.py: requests per second.

    python3 bench/echo_load.py [--interp minipy --interp python3 ...] [-c CONNS] [-p PROCS] [-t SECONDS]

For each interpreter it starts `INTERP programs/echo_server.py PORT`, opens
CONNS connections, and on each sends a 64-byte line and waits for its echo,
over and over, for SECONDS; a request is one line echoed back whole, every
byte checked. The clients are PROCS processes (run them under CPython), each
driving its share of the connections from one epoll loop with non-blocking
sockets: a client's work per request is two system calls and a comparison,
several times less than the server's, so the server (the only asyncio loop)
is what is measured. (Blocking client threads, one per connection, were the
bottleneck themselves: the server then sat at a third of a CPU.)

Besides requests per second it prints the server's CPU use (user + system
time from /proc over the measured interval) and requests per server CPU
second, which a loaded machine disturbs less. Servers are measured
alternately, ROUNDS times each, and medians are reported.
"""
import argparse
import os
import select
import signal
import socket
import statistics
import subprocess
import sys
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


def client_main(port, conns, seconds):
    """One client process: CONNS connections in one epoll loop; prints the count."""
    ep = select.epoll()
    socks = {}
    got = {}
    for _ in range(conns):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.setblocking(False)
        socks[s.fileno()] = s
        got[s.fileno()] = b""
        ep.register(s.fileno(), select.EPOLLIN)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()                 # start together
    count = 0
    stop = time.monotonic() + seconds
    for s in socks.values():
        s.send(LINE)
    while time.monotonic() < stop:
        for fd, _ in ep.poll(0.1):
            s = socks[fd]
            chunk = s.recv(4096)
            if not chunk:
                raise RuntimeError("server closed the connection")
            buf = got[fd] + chunk
            if len(buf) < len(LINE):
                got[fd] = buf
                continue
            if buf != LINE:
                raise RuntimeError(f"bad echo {buf!r}")
            got[fd] = b""
            count += 1
            s.send(LINE)
    for s in socks.values():
        s.close()
    print(count)


def server_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(interp, port, conns, procs, seconds):
    server = subprocess.Popen([interp, os.path.join(ROOT, "programs", "echo_server.py"), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    clients = []
    try:
        if not wait_port(port, time.monotonic() + 10):
            raise RuntimeError(f"{interp}: server did not start")
        share = [conns // procs + (1 if k < conns % procs else 0) for k in range(procs)]
        for n in share:
            clients.append(subprocess.Popen(
                [sys.executable, os.path.abspath(__file__), "--client", str(port), str(n), str(seconds)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        for c in clients:
            if c.stdout.readline().strip() != "ready":
                raise RuntimeError("a client did not start")
        cpu0 = server_cpu(server.pid)
        t0 = time.monotonic()
        for c in clients:
            c.stdin.write("go\n")
            c.stdin.flush()
        total = 0
        for c in clients:
            total += int(c.stdout.readline())
        cpu = server_cpu(server.pid) - cpu0
        elapsed = time.monotonic() - t0
        for c in clients:
            c.wait()
        return total / elapsed, cpu / elapsed
    finally:
        for c in clients:
            if c.poll() is None:
                c.kill()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        client_main(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", action="append")
    ap.add_argument("-c", "--conns", type=int, default=20)
    ap.add_argument("-p", "--procs", type=int, default=2)
    ap.add_argument("-t", "--seconds", type=float, default=3.0)
    ap.add_argument("-r", "--rounds", type=int, default=3)
    ap.add_argument("--port", type=int, default=18777)
    args = ap.parse_args()
    interps = args.interp or [os.path.join(ROOT, "build", "minipy"), sys.executable]
    results = {i: [] for i in interps}
    for r in range(args.rounds):
        for i in interps:
            results[i].append(measure(i, args.port, args.conns, args.procs, args.seconds))
    for i in interps:
        rps = [x[0] for x in results[i]]
        per_cpu = [x[0] / x[1] for x in results[i] if x[1] > 0]
        cpu = [x[1] for x in results[i]]
        print(f"{i}: {statistics.median(rps):,.0f} requests/s "
              f"(runs: {', '.join(f'{x:,.0f}' for x in rps)}); server CPU {statistics.median(cpu):.0%}, "
              f"{statistics.median(per_cpu):,.0f} requests per server CPU second")


if __name__ == "__main__":
    main()
