# A tiny round-robin scheduler, the heart of an event loop: each task is a
# coroutine; a task that awaits `Yield()` goes to the back of the queue, one
# that awaits a `Join(other)` sleeps until the other finishes.
from collections import deque


class Yield:
    def __await__(self):
        yield ("yield", None)


class Join:
    def __init__(self, task):
        self.task = task

    def __await__(self):
        result = yield ("join", self.task)
        return result


class Task:
    def __init__(self, name, coro):
        self.name, self.coro = name, coro
        self.done, self.result, self.waiters = False, None, []


ready = deque()


def spawn(name, coro):
    t = Task(name, coro)
    ready.append((t, None))
    return t


def run_all():
    while ready:
        task, value = ready.popleft()
        try:
            kind, arg = task.coro.send(value)
        except StopIteration as e:
            task.done, task.result = True, e.value
            print(f"  [{task.name} finished -> {e.value!r}]")
            for w in task.waiters:
                ready.append((w, e.value))
            continue
        if kind == "yield":
            ready.append((task, None))
        elif arg.done:
            ready.append((task, arg.result))
        else:
            arg.waiters.append(task)


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await Yield()
    return name * steps


async def collector(tasks):
    results = []
    for t in tasks:
        results.append(await Join(t))
    print("collected", results)
    return len(results)


async def producer_consumer():
    items = deque()

    async def produce():
        for i in range(3):
            items.append(i)
            print("produced", i)
            await Yield()

    async def consume():
        got = []
        while len(got) < 3:
            if items:
                got.append(items.popleft())
            else:
                await Yield()
        return got

    spawn("producer", produce())
    return await Join(spawn("consumer", consume()))


a = spawn("a", worker("a", 2))
b = spawn("b", worker("b", 3))
spawn("collector", collector([a, b]))
spawn("pc", producer_consumer())
run_all()
# expect: a step 0
# expect: b step 0
# expect: a step 1
# expect: b step 1
# expect: produced 0
# expect:   [a finished -> 'aa']
# expect: b step 2
# expect: produced 1
# expect:   [b finished -> 'bbb']
# expect: produced 2
# expect:   [consumer finished -> [0, 1, 2]]
# expect: collected ['aa', 'bbb']
# expect:   [collector finished -> 2]
# expect:   [producer finished -> None]
# expect:   [pc finished -> [0, 1, 2]]
