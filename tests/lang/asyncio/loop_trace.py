# skip-oracle: -X loop-trace is minipy's (Chrome Trace Event spans of task steps and selector waits)
# With -X loop-trace=FILE the loop records a span for each task step
# (named after the task), each other callback and each selector wait, and
# writes them as Chrome Trace Event JSON when the loop closes. Here the
# option is set from inside the program instead of the command line.
import asyncio
import os
import sys

path = os.path.join(os.getcwd(), '_loop_trace_test.json')
sys._xoptions['loop-trace'] = path

async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0.01)

async def main():
    await asyncio.gather(asyncio.create_task(worker(2), name='alpha'),
                         asyncio.create_task(worker(3), name='beta'))

asyncio.run(main())
with open(path) as f:
    text = f.read()
os.remove(path)
print(text.startswith('{"traceEvents":['), text.rstrip().endswith(']}'))  # expect: True True
lines = [l.rstrip(',') for l in text.splitlines()[1:-1]]
def field(line, key):
    start = line.index('"%s":' % key) + len(key) + 3
    end = start
    while line[end] not in ',}':
        end += 1
    return line[start:end].strip('"')
steps = {}
for l in lines:
    if '"ph":"X"' in l:
        name = field(l, 'name')
        steps[name] = steps.get(name, 0) + 1
print('alpha steps:', steps['alpha'], 'beta steps:', steps['beta'])  # expect: alpha steps: 3 beta steps: 4
print('main task:', steps['Task-1'] >= 2)  # expect: main task: True
print('selector waits:', steps['select'] >= 3)  # expect: selector waits: True
print('thread named:', any('"thread_name"' in l and 'MainThread' in l for l in lines))  # expect: thread named: True
