# Collections start by themselves when allocations outnumber deallocations
# by more than threshold 0; gc.disable() stops that (gc.collect() still
# works).
import gc

deleted = 0
class Cyc:
    def __init__(self):
        self.me = self
    def __del__(self):
        global deleted
        deleted += 1

gc.collect()
gc.disable()
for i in range(2000):
    Cyc()
print(deleted)              # expect: 0
gc.collect()
print(deleted)              # expect: 2000

deleted = 0
gc.enable()
gc.set_threshold(100)
for i in range(2000):
    Cyc()
print(deleted > 1000)       # expect: True
gc.collect()
print(deleted)              # expect: 2000
gc.set_threshold(700, 10, 10)

# Lots of garbage cycles in a loop do not pile up.
class Pair:
    pass
for i in range(50000):
    p = Pair()
    q = Pair()
    p.q = q
    q.p = p
print(gc.collect() < 5000)  # expect: True
