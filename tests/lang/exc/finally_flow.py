# finally with return/break/continue: return in finally overrides, finally always runs.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())  # expect: finally
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())  # expect: swallowed
def order():
    try:
        return print("evaluated first") or "value"
    finally:
        print("then finally")
print(order())
# expect: evaluated first
# expect: then finally
# expect: value
def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally after except return")
print(except_return())
# expect: finally after except return
# expect: from except
def nested():
    try:
        try:
            return 1
        finally:
            print("inner")
    finally:
        print("outer")
print(nested())
# expect: inner
# expect: outer
# expect: 1
