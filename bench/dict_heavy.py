# Dict-heavy code: counting, grouping with setdefault, nested dicts, get with
# defaults, iteration over items, comprehensions, update and pop.
# stdout: checksum.


def run(n):
    counts = {}
    groups = {}
    nested = {}
    for i in range(n):
        k = (i * 7919) % 5003
        counts[k] = counts.get(k, 0) + 1
        groups.setdefault(k % 97, []).append(i)
        inner = nested.get(k % 31)
        if inner is None:
            inner = nested[k % 31] = {}
        inner[i % 13] = inner.get(i % 13, 0) + k
    squares = {k: v * v for k, v in counts.items() if v > 1}
    merged = dict(squares)
    merged.update({k: -1 for k in range(0, 5003, 50)})
    popped = sum(merged.pop(k, 0) for k in range(0, 5003, 3))
    total = sum(len(v) for v in groups.values())
    deep = sum(sum(d.values()) for d in nested.values())
    keys = sorted(counts, key=counts.get)[:5]
    return len(counts), total, deep % 1000003, popped, len(merged), keys


print("dict_heavy", run(400000))
