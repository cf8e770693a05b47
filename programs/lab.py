# The concurrency lab: the same I/O-bound, CPU-bound and mixed jobs run
# sequentially, in threads, with asyncio, with asyncio + to_thread, in
# processes (multiprocessing.Pool) and with asyncio + a process pool
# (loop.run_in_executor with a ProcessPoolExecutor), with the GIL on and
# with the GIL off. One table (wall time, CPU time, peak memory, speed-up
# over sequential) and an SVG bar chart of it.
#
#   minipy programs/lab.py [--quick] [--repeat N] [--svg FILE]
#   python3 programs/lab.py --quick      (CPython 3.11: no GIL-off column)
#
# --quick: small jobs, one run per cell (a few seconds); otherwise the
# median of 3 runs (--repeat N) of the full jobs. --svg: where the chart
# goes (lab.svg).
#
# Every cell runs in a fresh process: this program re-runs itself
# (sys.executable, with -X gil=1 or -X gil=0) with --cell, so each cell's
# peak memory is its own and the GIL mode is set at start-up, as it must
# be. A cell prints one line the driver parses; the driver prints the
# table, what the textbook says next to what was measured, and writes the
# SVG. Where the measurement contradicts the textbook, it says so.
import asyncio
import concurrent.futures
import math
import multiprocessing
import os
import resource
import sys
import threading
import time

WORKLOADS = ["io", "cpu", "mixed"]
MODELS = ["sequential", "threads", "asyncio", "asyncio+to_thread", "processes", "asyncio+procpool"]
MODES = ["on", "off"]

# Job sizes: (full run, --quick).
SIZES = {
    # I/O-bound: tasks, waits per task, seconds per wait.
    "io": ((1000, 2, 0.001), (100, 2, 0.001)),
    # CPU-bound: sum(i * i for i in range(n)) in chunks.
    "cpu": ((20_000_000, 4), (5_000_000, 4)),
    # Mixed: tasks, rounds per task of (a wait, then a slice of the CPU work), n.
    "mixed": ((16, 2, 0.01, 10_000_000), (8, 2, 0.005, 1_000_000)),
}


# ---- The jobs: each is a list of task arguments, a function that runs one
# task in a thread or process, and a coroutine function that runs it in the
# event loop. Tasks return numbers; the sum checks every model computed the
# same.

def io_task(arg):
    i, waits, seconds = arg
    for _ in range(waits):
        time.sleep(seconds)
    return i


async def io_task_async(arg):
    i, waits, seconds = arg
    for _ in range(waits):
        await asyncio.sleep(seconds)
    return i


def cpu_task(arg):
    lo, hi = arg
    return sum(i * i for i in range(lo, hi))


async def cpu_task_async(arg):
    # No await inside: the loop can run nothing else meanwhile.
    return cpu_task(arg)


def mixed_slices(arg):
    lo, hi, rounds, seconds = arg
    step = (hi - lo) // rounds
    return [(lo + r * step, hi if r == rounds - 1 else lo + (r + 1) * step) for r in range(rounds)]


def mixed_task(arg):
    total = 0
    for part in mixed_slices(arg):
        time.sleep(arg[3])
        total += cpu_task(part)
    return total


async def mixed_task_async(arg):
    total = 0
    for part in mixed_slices(arg):
        await asyncio.sleep(arg[3])
        total += cpu_task(part)
    return total


def chunks(n, k):
    return [(j * n // k, (j + 1) * n // k) for j in range(k)]


def make_job(workload, quick):
    size = SIZES[workload][1 if quick else 0]
    if workload == "io":
        tasks, waits, seconds = size
        return io_task, io_task_async, [(i, waits, seconds) for i in range(tasks)]
    if workload == "cpu":
        n, k = size
        return cpu_task, cpu_task_async, chunks(n, k)
    tasks, rounds, seconds, n = size
    return mixed_task, mixed_task_async, [(lo, hi, rounds, seconds) for lo, hi in chunks(n, tasks)]


def describe_jobs(quick):
    i = 1 if quick else 0
    tasks, waits, seconds = SIZES["io"][i]
    n, k = SIZES["cpu"][i]
    mt, rounds, ms, mn = SIZES["mixed"][i]
    return [
        f"io:    {tasks} tasks, each {waits} waits of {seconds * 1000:g} ms (time.sleep / asyncio.sleep)",
        f"cpu:   sum(i * i for i in range({n:,})) in {k} chunks",
        f"mixed: {mt} tasks, each {rounds} x (a {ms * 1000:g} ms wait, then 1/{mt * rounds} of "
        f"sum(i * i for i in range({mn:,})))",
    ]


# ---- The models: each runs the job's tasks and returns their results.

def run_sequential(fn, afn, args, workers):
    return [fn(a) for a in args]


def run_threads(fn, afn, args, workers):
    # One thread per task.
    results = [None] * len(args)

    def run(k):
        results[k] = fn(args[k])

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(args))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def run_asyncio(fn, afn, args, workers):
    async def main():
        return await asyncio.gather(*[afn(a) for a in args])

    return asyncio.run(main())


def run_to_thread(fn, afn, args, workers):
    # The loop's default executor: min(32, CPUs + 4) threads.
    async def main():
        return await asyncio.gather(*[asyncio.to_thread(fn, a) for a in args])

    return asyncio.run(main())


def run_processes(fn, afn, args, workers):
    with multiprocessing.Pool(workers) as pool:
        results = pool.map(fn, args)
        pool.close()
        pool.join()  # the workers are waited for: their CPU time is counted
    return results


def run_procpool(fn, afn, args, workers):
    async def main():
        loop = asyncio.get_running_loop()
        with concurrent.futures.ProcessPoolExecutor(workers) as pool:
            return await asyncio.gather(*[loop.run_in_executor(pool, fn, a) for a in args])

    return asyncio.run(main())


RUNNERS = {
    "sequential": run_sequential,
    "threads": run_threads,
    "asyncio": run_asyncio,
    "asyncio+to_thread": run_to_thread,
    "processes": run_processes,
    "asyncio+procpool": run_procpool,
}


def gil_enabled():
    return sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True


def cpu_seconds():
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def run_cell(workload, model, quick):
    """Runs one cell in this (fresh) process and prints its result line."""
    fn, afn, args = make_job(workload, quick)
    workers = os.cpu_count() or 1
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    results = RUNNERS[model](fn, afn, args, workers)
    wall = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The largest waited-for child; each worker counted as that large.
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    procs = workers if model in ("processes", "asyncio+procpool") else 0
    mem_mb = (self_kb + procs * child_kb) / 1024
    print(f"cell gil={int(gil_enabled())} wall={wall!r} cpu={cpu!r} mem={mem_mb!r} "
          f"check={sum(results)} threads={threading.active_count()}")


# ---- The driver.

def run_child(argv):
    """Runs argv (this interpreter) with its stdout in a pipe; returns
    (exit code, output). Its stderr is ours."""
    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            os.dup2(w, 1)
            os.close(w)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    os.close(w)
    data = []
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(data).decode()


def measure(workload, model, mode, quick):
    """One run of a cell in a child process: a dict of its numbers, or None
    if the child failed (or the GIL could not be switched off)."""
    argv = [sys.executable, "-X", "gil=" + ("1" if mode == "on" else "0"),
            os.path.abspath(sys.argv[0]), "--cell", workload, model] + (["--quick"] if quick else [])
    code, out = run_child(argv)
    for line in out.splitlines():
        if line.startswith("cell "):
            cell = dict(kv.split("=", 1) for kv in line.split()[1:])
            if cell["gil"] != ("1" if mode == "on" else "0"):
                return None
            if code != 0:
                return None
            return {"wall": float(cell["wall"]), "cpu": float(cell["cpu"]), "mem": float(cell["mem"]),
                    "check": int(cell["check"])}
    return None


def gil_switch():
    """Whether this interpreter runs without the GIL when asked to."""
    if not hasattr(sys, "_is_gil_enabled"):
        return False
    code, out = run_child([sys.executable, "-X", "gil=0", "-c", "import sys; print(sys._is_gil_enabled())"])
    return code == 0 and out.strip() == "False"


def median_run(runs):
    runs = sorted(runs, key=lambda c: c["wall"])
    return runs[len(runs) // 2]


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def print_table(table, modes):
    w = 40
    line = f"{'':<27}"
    for mode in MODES:
        line += f" {('GIL ' + mode).center(w - 1, '-')}"
    print(line)
    line = f"{'workload':<8} {'model':<18}"
    for _ in MODES:
        line += f" {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'speed-up':>11}"
    print(line)
    for workload in WORKLOADS:
        for model in MODELS:
            line = f"{workload:<8} {model:<18}"
            for mode in MODES:
                c = table.get((workload, model, mode))
                if c is None:
                    reason = "n/a" if mode not in modes else "failed"
                    line += f" {reason:>8} {reason:>8} {reason:>8} {reason:>11}"
                else:
                    line += (f" {c['wall']:>8.3f} {c['cpu']:>8.3f} {c['mem']:>8.1f} "
                             f"{fmt(c['speedup'], '>10.2f') + 'x':>11}")
            print(line)
        print()


def textbook(table, modes, cpus, loads, avail):
    """What the textbook says, next to what was measured."""
    def cell(w, m, mode):
        return table.get((w, m, mode))

    def speedup(w, m, mode):
        c = cell(w, m, mode)
        return c and c["speedup"]

    def cores(w, m, mode):
        # CPU seconds per wall second: how many CPUs the model kept busy.
        c = cell(w, m, mode)
        return c and c["cpu"] / c["wall"]

    claims = []
    s = speedup("io", "threads", "on")
    claims.append(("GIL on: threads speed up the I/O-bound job", s is not None and s > 1.5, s, None))
    s = speedup("cpu", "threads", "on")
    claims.append(("GIL on: threads do not speed up the CPU-bound job", s is not None and s < 1.2, s,
                   cores("cpu", "threads", "on")))
    if "off" in modes:
        s = speedup("cpu", "threads", "off")
        claims.append(("GIL off: threads speed up the CPU-bound job", s is not None and s > 1.2, s,
                       cores("cpu", "threads", "off")))
    for mode in modes:
        s = speedup("cpu", "processes", mode)
        claims.append((f"GIL {mode}: processes speed up the CPU-bound job", s is not None and s > 1.2, s,
                       cores("cpu", "processes", mode)))
    print(f"The textbook, as measured here ({cpus} CPUs):")
    for text, holds, value, busy in claims:
        got = "not measured" if value is None else f"{value:.2f}x"
        if busy is not None:
            got += f", {busy:.2f} CPUs busy"
        verdict = "as the textbook says" if holds else "NOT as the textbook says"
        print(f"  {text}: {got}: {verdict}")
    for mode in modes:
        a = cell("io", "asyncio", mode)
        others = [(m, cell("io", m, mode)) for m in ("threads", "asyncio+to_thread", "processes",
                                                      "asyncio+procpool")]
        others = [(m, c) for m, c in others if c is not None]
        if a is None or not others:
            print(f"  GIL {mode}: asyncio's memory: not measured")
            continue
        least = all(a["mem"] <= c["mem"] for m, c in others)
        m, c = min(others, key=lambda mc: mc[1]["mem"])
        print(f"  GIL {mode}: asyncio runs the I/O-bound job's waits on one thread with the least memory: "
              f"{a['mem']:.1f} MB (next: {m}, {c['mem']:.1f} MB): "
              f"{'as the textbook says' if least else 'NOT as the textbook says'}")
    if cpus < 2:
        print("  (one CPU: nothing can run in parallel here)")
    got = " -> ".join(f"{x:.2f}" for x in avail)
    print(f"  CPUs this run could get ({cpus} processes spinning, before -> after): {got} of {cpus}")
    if min(avail) < cpus - 0.5 or (loads and max(loads) > cpus - 0.5):
        print(f"  The machine was busy (load average {' -> '.join(f'{x:.1f}' for x in loads)} on {cpus} CPUs): "
              f"other processes took CPU time, so parallel models could not get {cpus} CPUs; "
              f"CPU seconds are the steadier figure.")


def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def cpus_available(cpus, seconds=0.3):
    """How many CPUs this run can get right now: as many processes as CPUs
    spin for `seconds`; their CPU time over the wall time (cpus on an idle
    machine, less when other processes compete)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    pids = []
    for _ in range(cpus):
        pid = os.fork()
        if pid == 0:
            try:
                spin(seconds)
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return used / wall


def load_average():
    """The 1-minute load average (/proc/loadavg), or None."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


# ---- The SVG chart: speed-up (top row) and peak memory (bottom row) per
# workload, one group of bars per model, one bar per GIL mode.

COLORS = {"on": "#4477aa", "off": "#ee6677"}
SHORT = {"sequential": "sequential", "threads": "threads", "asyncio": "asyncio",
         "asyncio+to_thread": "to_thread", "processes": "processes", "asyncio+procpool": "aio+procs"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def nice_steps(lo, hi):
    """The 1-2-5 series (..., 0.5, 1, 2, 5, 10, ...) from below lo to hi or above."""
    k = math.floor(math.log10(lo)) - 1
    out = []
    while not out or out[-1] < hi:
        out += [round(f * 10.0 ** k, 12) for f in (1, 2, 5)]
        k += 1
    return out


class Scale:
    """Maps values to a fraction of a panel's height: linear from 0 (peak
    MB), or logarithmic (speed-ups: 0.5x and 2x lie equally far from 1x,
    and 200x fits beside 2x)."""

    def __init__(self, vals, log):
        self.log = log
        vals = [v for v in vals if v > 0] or [1.0]
        if log:
            low, high = min(vals + [1.0]) / 1.05, max(vals + [1.0]) * 1.1
            steps = nice_steps(low, high)
            self.lo = max(v for v in steps if v <= low)
            self.hi = min(v for v in steps if v >= high)
            self.ticks = [v for v in steps if self.lo <= v <= self.hi]
        else:
            high = max(vals) * 1.1
            step = min(v for v in nice_steps(high / 5, high) if high / v <= 5)
            n = math.ceil(high / step)
            self.lo, self.hi = 0.0, step * n
            self.ticks = [step * i for i in range(1, n + 1)]

    def frac(self, v):
        if self.log:
            v = max(v, self.lo)
            return math.log(v / self.lo) / math.log(self.hi / self.lo)
        return v / self.hi


def short_num(v):
    return f"{v:.2g}" if v < 10 else f"{v:.0f}"


def svg_chart(table, modes, title, notes):
    pw, ph, left, top = 320, 230, 50, 70
    width = left + 3 * pw + 20
    height = top + 2 * (ph + 70) + 20 * len(notes) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="24" font-size="16" font-weight="bold">{esc(title)}</text>']
    lx = left
    for mode in MODES:
        label = f"GIL {mode}" + ("" if mode in modes else " (n/a)")
        out.append(f'<rect x="{lx}" y="36" width="12" height="12" fill="{COLORS[mode]}"/>')
        out.append(f'<text x="{lx + 16}" y="46">{esc(label)}</text>')
        lx += 110
    for row, (key, label, unit) in enumerate([("speedup", "speed-up over sequential", "x"),
                                              ("mem", "peak memory (MB)", "")]):
        y0 = top + row * (ph + 70)
        for col, workload in enumerate(WORKLOADS):
            x0 = left + col * pw
            vals = [table[k][key] for k in table if k[0] == workload and table[k][key] is not None]
            scale = Scale(vals, log=key == "speedup")
            inner = ph - 30
            x0 += 30
            plot_w = pw - 50
            out.append(f'<text x="{x0 + plot_w / 2}" y="{y0 + 4}" text-anchor="middle" '
                       f'font-weight="bold">{esc(workload)}: {esc(label)}</text>')
            base = y0 + ph
            for tick in scale.ticks:
                yy = base - inner * scale.frac(tick)
                out.append(f'<text x="{x0 - 4}" y="{yy + 4:.1f}" text-anchor="end" fill="#555">{tick:g}</text>')
                out.append(f'<line x1="{x0}" y1="{yy:.1f}" x2="{x0 + plot_w}" y2="{yy:.1f}" stroke="#ddd"/>')
            out.append(f'<line x1="{x0}" y1="{base}" x2="{x0 + plot_w}" y2="{base}" stroke="black"/>')
            out.append(f'<line x1="{x0}" y1="{base}" x2="{x0}" y2="{base - inner}" stroke="black"/>')
            if key == "speedup":
                yy = base - inner * scale.frac(1.0)
                out.append(f'<line x1="{x0}" y1="{yy:.1f}" x2="{x0 + plot_w}" y2="{yy:.1f}" '
                           f'stroke="#333" stroke-dasharray="4 3"/>')
            gw = (plot_w - 10) / len(MODELS)
            for m, model in enumerate(MODELS):
                gx = x0 + 6 + m * gw
                for b, mode in enumerate(MODES):
                    bx = gx + 3 + b * (gw - 8) / 2
                    bw = (gw - 8) / 2 - 1
                    c = table.get((workload, model, mode))
                    if c is None or c[key] is None:
                        out.append(f'<text x="{bx + bw / 2:.1f}" y="{base - 4}" text-anchor="middle" '
                                   f'font-size="8" fill="#888">n/a</text>')
                        continue
                    v = c[key]
                    h = max(1.0, inner * scale.frac(v))
                    tip = (f"{workload} / {model} / GIL {mode}: wall {c['wall']:.3f} s, CPU {c['cpu']:.3f} s, "
                           f"peak {c['mem']:.1f} MB, speed-up {c['speedup']:.2f}x")
                    out.append(f'<rect class="bar" x="{bx:.1f}" y="{base - h:.1f}" width="{bw:.1f}" '
                               f'height="{h:.1f}" fill="{COLORS[mode]}"><title>{esc(tip)}</title></rect>')
                    out.append(f'<text x="{bx + bw / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle" '
                               f'font-size="8">{short_num(v)}{unit}</text>')
                out.append(f'<text x="{gx + gw / 2:.1f}" y="{base + 12}" text-anchor="end" '
                           f'transform="rotate(-30 {gx + gw / 2:.1f} {base + 12})">{esc(SHORT[model])}</text>')
    y = top + 2 * (ph + 70)
    for note in notes:
        out.append(f'<text x="{left}" y="{y}" fill="#333">{esc(note)}</text>')
        y += 20
    out.append("</svg>")
    return "\n".join(out) + "\n"


USAGE = "usage: lab.py [--quick] [--repeat N] [--svg FILE]"


def parse_args(argv):
    """--quick, --repeat N, --svg FILE (and --cell WORKLOAD MODEL, for the
    children); None if argv is not that."""
    opts = {"quick": False, "repeat": None, "svg": "lab.svg", "cell": None}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--quick":
            opts["quick"] = True
        elif a in ("--repeat", "--svg") and i + 1 < len(argv):
            i += 1
            if a == "--svg":
                opts["svg"] = argv[i]
            elif argv[i].isdigit() and int(argv[i]) > 0:
                opts["repeat"] = int(argv[i])
            else:
                return None
        elif a == "--cell" and i + 2 < len(argv) and argv[i + 1] in WORKLOADS and argv[i + 2] in MODELS:
            opts["cell"] = (argv[i + 1], argv[i + 2])
            i += 2
        else:
            return None
        i += 1
    return opts


def main(argv):
    opts = parse_args(argv)
    if opts is None:
        print(USAGE, file=sys.stderr)
        return 2
    quick = opts["quick"]
    if opts["cell"]:
        run_cell(opts["cell"][0], opts["cell"][1], quick)
        return 0
    repeat = opts["repeat"] or (1 if quick else 3)
    svg = opts["svg"]
    impl = "minipy" if "minipy" in sys.version else "CPython " + sys.version.split()[0]
    # Only an interpreter with a GIL switch can run the GIL-off column.
    modes = ["on", "off"] if gil_switch() else ["on"]
    cpus = os.cpu_count() or 1
    header = (f"The concurrency lab: {impl}, {cpus} CPUs, {'quick' if quick else 'full'} run, "
              f"{'median of %d runs' % repeat if repeat > 1 else 'one run'} per cell")
    print(header)
    for line in describe_jobs(quick):
        print("  " + line)
    print(f"  threads: one per task; to_thread: the default executor; processes: Pool({cpus}); "
          f"procpool: ProcessPoolExecutor({cpus})")
    print("  wall and CPU seconds (CPU: this process and its worker processes); peak MB: peak RSS "
          "(processes: the main one + each worker, shared pages counted in each)")
    sys.stdout.flush()
    loads = [load_average()]
    avail = [cpus_available(cpus)]
    table = {}
    failed = []
    # Round after round over every cell (rather than a cell's runs in a
    # row), so a change in the machine's load falls on all of them alike.
    cells = [(w, m, mode) for mode in modes for w in WORKLOADS for m in MODELS]
    runs = {key: [] for key in cells}
    for _ in range(repeat):
        for key in cells:
            runs[key].append(measure(*key, quick))
    for key in cells:
        if any(r is None for r in runs[key]):
            failed.append(key)
        else:
            table[key] = median_run(runs[key])
    # Every model must compute what sequential computed.
    for (workload, model, mode), c in list(table.items()):
        seq = table.get((workload, "sequential", mode))
        if seq is None or c["check"] != seq["check"]:
            failed.append((workload, model, mode))
            del table[(workload, model, mode)]
    for (workload, model, mode), c in table.items():
        seq = table.get((workload, "sequential", mode))
        c["speedup"] = seq["wall"] / c["wall"] if seq and c["wall"] > 0 else None
    print()
    loads.append(load_average())
    loads = [x for x in loads if x is not None]
    avail.append(cpus_available(cpus))
    print_table(table, modes)
    textbook(table, modes, cpus, loads, avail)
    title = f"The concurrency lab: {impl} on {cpus} CPUs ({'quick' if quick else 'full'} run)"
    notes = describe_jobs(quick) + ["bars: speed-up over sequential (top, log scale) and peak RSS (bottom); "
                                    "hover a bar for wall and CPU seconds"]
    if loads:
        notes.append(f"load average during the run: {' -> '.join(f'{x:.1f}' for x in loads)} on {cpus} CPUs; "
                     f"CPUs it could get: {' -> '.join(f'{x:.2f}' for x in avail)}")
    with open(svg, "w") as f:
        f.write(svg_chart(table, modes, title, notes))
    print()
    print(f"wrote {svg} (open it in a browser: xdg-open {svg})")
    if failed:
        print("FAILED cells: " + ", ".join("/".join(k) for k in sorted(set(failed))))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
