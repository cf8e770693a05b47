# At exit the interpreter waits for non-daemon threads (threading._shutdown);
# daemon threads still blocked are abandoned and the program exits normally.
import threading

forever = threading.Event()
d = threading.Thread(target=forever.wait, daemon=True, name="sleepy")
d.start()
print(d.daemon, d.is_alive())  # expect: True True

go = threading.Event()
def finisher():
    go.wait()
    for i in range(3):
        print("worker", i)
    print("worker done")

w = threading.Thread(target=finisher)
w.start()
print("main done")  # expect: main done
go.set()
# expect: worker 0
# expect: worker 1
# expect: worker 2
# expect: worker done
