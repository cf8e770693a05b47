# An uncaught exception in a thread prints "Exception in thread NAME:" and the
# traceback to stderr; the program goes on. threading.excepthook can be replaced.
import sys
import threading

def boom():
    raise ValueError("boom")

t = threading.Thread(target=boom)
t.start()
t.join()
print("main goes on", t.is_alive())  # expect: main goes on False
# expect stderr: Exception in thread Thread-1 (boom):
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in boom
# expect stderr:     raise ValueError("boom")
# expect stderr: ValueError: boom

# SystemExit in a thread is silent.
def quits():
    sys.exit(3)
t = threading.Thread(target=quits)
t.start()
t.join()
print("still here")  # expect: still here

# A custom hook receives ExceptHookArgs.
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=boom, name="custom")
t.start()
t.join()
print(seen)  # expect: [('ValueError', 'boom', 'custom', True)]

# A failing hook reports itself and the hook's own error.
def bad_hook(args):
    raise RuntimeError("hook failed")
threading.excepthook = bad_hook
t = threading.Thread(target=boom, name="second")
t.start()
t.join()
# expect stderr: Exception in threading.excepthook:
# expect stderr: RuntimeError: hook failed
threading.excepthook = old
print(threading.excepthook is threading.__excepthook__)  # expect: True

# Exceptions in a subclass's run() are reported with the thread's name.
class Crashy(threading.Thread):
    def run(self):
        {}["missing"]
c = Crashy(name="crashy")
c.start()
c.join()
# expect stderr: Exception in thread crashy:
# expect stderr: KeyError: 'missing'
print("done")  # expect: done
