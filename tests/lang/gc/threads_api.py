# The gc module's introspection once a second thread has run (with the GIL
# off the world is stopped while it walks the objects).
import gc
import threading

t = threading.Thread(target=lambda: None)
t.start()
t.join()


class A:
    pass


a = A()
b = [a]
print(any(o is b for o in gc.get_objects()), any(r is b for r in gc.get_referrers(a)))
# expect: True True
gc.freeze()
print(gc.get_freeze_count() > 0)
# expect: True
gc.unfreeze()
print(gc.get_freeze_count())
# expect: 0
print(gc.is_tracked(b), gc.is_tracked(1), len(gc.get_count()))
# expect: True False 3
