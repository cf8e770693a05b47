# Debug mode (asyncio.run(debug=True), -X dev, or the environment
# variable): a callback or task step that blocks the loop longer than
# slow_callback_duration is reported, naming the task.
import asyncio
import sys
import time

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

async def blocker():
    time.sleep(0.15)        # blocks the loop: should be await asyncio.sleep
    return 'done'

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)  # expect: True 0.1
    t = asyncio.create_task(blocker(), name='blocker')
    print(await t)  # expect: done

    # A plain callback that blocks.
    done = loop.create_future()
    def slow_callback():
        time.sleep(0.15)
        done.set_result(None)
    loop.call_soon(slow_callback)
    await done

    # Raising the threshold silences the report.
    loop.slow_callback_duration = 10
    await asyncio.create_task(blocker())

cap = Capture()
saved, sys.stderr = sys.stderr, cap
try:
    asyncio.run(main(), debug=True)
finally:
    sys.stderr = saved

text = ''.join(cap.parts)
reports = []
for line in text.splitlines():
    if line.startswith('Executing ') and line.endswith(' seconds'):
        what, _, secs = line[len('Executing '):-len(' seconds')].rpartition(' took ')
        reports.append((what, secs))
# (On a loaded machine another step may also be reported: look for ours.)
blocked = [r for r in reports if 'coro=<blocker()' in r[0]]
print(len(blocked), blocked[0][0].split(' coro=')[0])  # expect: 1 <Task finished name='blocker'
slow = [r for r in reports if 'slow_callback' in r[0]]
print(len(slow), slow[0][0].split(' at ')[0])  # expect: 1 <Handle main.<locals>.slow_callback()
print(all(float(secs) >= 0.1 and len(secs.split('.')[1]) == 3 for _, secs in blocked + slow))  # expect: True

# Debug mode off: the loop says nothing.
cap = Capture()
sys.stderr = cap
try:
    asyncio.run(blocker())
finally:
    sys.stderr = saved
print(repr(''.join(cap.parts)))  # expect: ''

# set_debug on a loop of our own.
loop = asyncio.new_event_loop()
print(loop.get_debug())  # expect: False
loop.set_debug(True)
print(loop.get_debug())  # expect: True
loop.close()
