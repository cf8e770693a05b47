# Unbounded recursion raises RecursionError, which can be caught; the program continues.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught:", e)  # expect: caught: maximum recursion depth exceeded
print(isinstance(RecursionError(), RuntimeError))  # expect: True
def depth_reached():
    count = [0]
    def down():
        count[0] += 1
        down()
    try:
        down()
    except RecursionError:
        pass
    return count[0]
d = depth_reached()
print(900 < d < 1000)  # expect: True
def again(n):
    return again(n + 1) + 1
try:
    again(0)
except RecursionError:
    print("second time too")  # expect: second time too
print("still running")  # expect: still running
