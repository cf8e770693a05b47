# A generator pipeline: read -> parse -> filter -> window -> aggregate, each
# stage a generator feeding the next, plus a generator expression and
# yield from. stdout: checksum.


def read(n):
    for i in range(n):
        yield f"{i},{(i * 37) % 101},{i % 7}"


def parse(lines):
    for line in lines:
        a, b, c = line.split(",")
        yield int(a), int(b), int(c)


def keep(rows):
    for row in rows:
        if row[2] != 3:
            yield row


def window(rows, size):
    buf = []
    for row in rows:
        buf.append(row[1])
        if len(buf) == size:
            yield sum(buf)
            buf = []
    if buf:
        yield sum(buf)


def chain(*gens):
    for g in gens:
        yield from g


def run(n):
    sums = window(keep(parse(read(n))), 8)
    total = sum(s % 1000 for s in chain(sums, iter([1, 2, 3])))
    evens = sum(1 for _, b, _ in parse(read(n // 4)) if b % 2 == 0)
    return total, evens


print("gen_pipeline", run(200000))
