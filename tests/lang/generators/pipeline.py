# A pipeline of generators: read -> filter -> map -> sum, each stage pulling from the one before.
# The data are the "# sale:" lines of this very file:
# sale: apples 3 1.25
# sale: pears 2 0.80
# sale: returns -1 1.25
# sale: plums 10 0.30
# sale: (blank)
# sale: apples 4 1.25


def read_lines(path, trace):
    with open(path) as f:
        try:
            for number, line in enumerate(f, 1):
                if trace:
                    print("  read line", number)
                yield line
        finally:
            if trace:
                print("  reader closing, file closed:", f.closed)


def sales(lines):
    prefix = "# sale: "
    for line in lines:
        if line.startswith(prefix):
            yield line[len(prefix):].split()


def valid(records):
    for r in records:
        if len(r) == 3 and int(r[1]) > 0:
            yield r


def amounts(records):
    for name, qty, price in records:
        yield round(int(qty) * float(price), 2)


total = sum(amounts(valid(sales(read_lines(__file__, False)))))
print(total)  # expect: 13.35

# Laziness: each value travels through every stage before the next line is read.
stages = amounts(valid(sales(read_lines(__file__, True))))
print("built, nothing read yet")  # expect: built, nothing read yet
first = next(stages)
# expect:   read line 1
# expect:   read line 2
# expect:   read line 3
print(first)  # expect: 3.75
print(next(stages))
# expect:   read line 4
# expect: 1.6
# Stop early: closing the last stage frees the stages before it, and each one is closed in turn,
# down to the reader, whose `with` block closes the file.
stages.close()
# expect:   reader closing, file closed: False
print(stages.gi_frame is None)  # expect: True

# The same pipeline with generator expressions.
lines = (line for line in open(__file__))
records = (line[8:].split() for line in lines if line.startswith("# sale: "))
good = (r for r in records if len(r) == 3 and int(r[1]) > 0)
print(round(sum(int(q) * float(p) for _, q, p in good), 2))  # expect: 13.35

# Infinite generators are fine as long as something stops pulling.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


def take(n, it):
    for _ in range(n):
        yield next(it)


squares = (n * n for n in naturals())
odd_squares = (s for s in squares if s % 2)
print(list(take(5, odd_squares)))  # expect: [1, 9, 25, 49, 81]


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


print(list(chunks(range(7), 3)))  # expect: [[0, 1, 2], [3, 4, 5], [6]]
print(sum(sum(c) for c in chunks(range(100), 7)))  # expect: 4950


def running_totals(it):
    total = 0
    for x in it:
        total += x
        yield total


def window_pairs(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x


print(list(running_totals(range(1, 6))))  # expect: [1, 3, 6, 10, 15]
print(list(window_pairs("abcd")))  # expect: [('a', 'b'), ('b', 'c'), ('c', 'd')]
print(max(b - a for a, b in window_pairs(running_totals([5, 1, 9, 2]))))  # expect: 9
