# Unbounded recursion that is not caught ends the program with RecursionError.
def down(n):
    return down(n + 1)


print("going down")
down(0)
# expect: going down
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     down(0)
# expect stderr:   File "{FILE}", line 3, in down
# expect stderr:     return down(n + 1)
# expect error: RecursionError: maximum recursion depth exceeded
