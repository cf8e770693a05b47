# deque against a list model: 20000 pseudo-random operations (a fixed LCG),
# including growth past several ring-buffer sizes, wrap-around and rotation.
from collections import deque

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n

d = deque()
model = []
for step in range(20000):
    op = rand(14)
    if op < 3:
        d.append(step); model.append(step)
    elif op < 5:
        d.appendleft(step); model.insert(0, step)
    elif op == 5 and model:
        assert d.pop() == model.pop()
    elif op == 6 and model:
        assert d.popleft() == model.pop(0)
    elif op == 7:
        n = rand(20) - 10
        d.rotate(n)
        if model:
            k = n % len(model)
            model[:] = model[-k:] + model[:-k] if k else model
    elif op == 8 and model:
        i = rand(len(model))
        del d[i]; del model[i]
    elif op == 9:
        i = rand(len(model) + 3) - 1
        d.insert(i, -step); model.insert(i, -step)
    elif op == 10 and model:
        i = rand(len(model))
        d[i] = step * 2; model[i] = step * 2
    elif op == 11:
        extra = list(range(rand(6)))
        d.extend(extra); model.extend(extra)
    elif op == 12:
        extra = list(range(rand(6)))
        d.extendleft(extra); model[:0] = extra[::-1]
    elif op == 13 and rand(50) == 0:
        d.reverse(); model.reverse()
    if step % 997 == 0:
        assert list(d) == model, step
        assert list(reversed(d)) == model[::-1]
        assert len(d) == len(model)
        if model:
            i = rand(len(model))
            assert d[i] == model[i] and d[-1 - i] == model[-1 - i]
print(list(d) == model, len(d) == len(model))  # expect: True True

# Bounded: the model keeps the last maxlen items.
for maxlen in (1, 2, 7, 64):
    b = deque(maxlen=maxlen)
    m = []
    for i in range(500):
        if rand(3):
            b.append(i); m.append(i); m = m[-maxlen:]
        else:
            b.appendleft(i); m.insert(0, i); m = m[:maxlen]
    assert list(b) == m, maxlen
print("bounded ok")  # expect: bounded ok
