# cr_origin and sys.set_coroutine_origin_tracking_depth: a coroutine made
# while the depth is above zero records where it was made (innermost frame
# first, at most `depth` frames), and the "never awaited" warning then says
# where it was created, outermost first, with the source lines.
import os
import sys


async def job():
    pass


def make():
    return job()


def short(origin):
    return [(os.path.basename(f), line, name) for f, line, name in origin]


print(sys.get_coroutine_origin_tracking_depth())  # expect: 0
c = make()
print(c.cr_origin)  # expect: None
c.close()

sys.set_coroutine_origin_tracking_depth(5)
print(sys.get_coroutine_origin_tracking_depth())  # expect: 5
c = make()
print(short(c.cr_origin))  # expect: [('cr_origin.py', 14, 'make'), ('cr_origin.py', 28, '<module>')]
c.close()

sys.set_coroutine_origin_tracking_depth(depth=1)
c = make()
print(short(c.cr_origin))  # expect: [('cr_origin.py', 14, 'make')]
c.close()

try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)  # expect: depth must be >= 0
print(sys.get_coroutine_origin_tracking_depth())  # expect: 1

sys.set_coroutine_origin_tracking_depth(2)


def outer():
    inner()


def inner():
    make()  # freed at once: warns here, with where it was made


outer()
sys.set_coroutine_origin_tracking_depth(0)
c = make()
print(c.cr_origin)  # expect: None
c.close()
sys.stderr.flush()
# expect stderr: {FILE}:51: RuntimeWarning: coroutine 'job' was never awaited
# expect stderr: Coroutine created at (most recent call last)
# expect stderr:   File "{FILE}", line 51, in inner
# expect stderr:     make()  # freed at once: warns here, with where it was made
# expect stderr:   File "{FILE}", line 14, in make
# expect stderr:     return job()
# expect stderr:   make()  # freed at once: warns here, with where it was made
