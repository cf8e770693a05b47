"""Process-based parallelism (CPython's multiprocessing package), over
os.fork, os.pipe and pickle.

Each Process is a forked copy of the interpreter with its own GIL, so
CPU-bound work in several processes runs in parallel whatever the GIL
mode. Arguments, results and queue items cross between processes
pickled; exceptions raised in a worker come back as the same exception
type. Only the 'fork' start method exists.

    from multiprocessing import Process, Queue, Pool

    def square(x):
        return x * x

    if __name__ == "__main__":
        with Pool(4) as pool:
            print(pool.map(square, range(10)))
"""

import sys
from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]

globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
