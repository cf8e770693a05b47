# String formatting: f-strings with format specs, %-formatting, str.format,
# join, and str methods on the results. stdout: checksum.


def run(n):
    total = 0
    parts = []
    for i in range(n):
        a = f"{i:>8}|{i * 1.5:10.3f}|{i:#x}|{i % 7!r}"
        b = "%-6d:%5.2f:%s" % (i, i / 7, "ab" * (i % 3))
        c = "{0}-{1:04d}-{name}".format("k", i % 1000, name="v")
        d = f"{a[:4]}{b[-3:]}{c.upper()}"
        total += len(a) + len(b) + len(c) + len(d)
        if i % 100 == 0:
            parts.append(d.strip().lower())
    joined = ",".join(parts)
    return total, len(joined), joined.count("k"), joined[:24]


print("string_format", run(150000))
