# try/except/else/finally: every combination and the order the blocks run in.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False))  # expect: ['try', 'else', 'finally']
print(run(True))  # expect: ['try', 'except', 'finally']
try:
    print("body")  # expect: body
finally:
    print("cleanup")  # expect: cleanup
try:
    1 / 0
except (TypeError, ZeroDivisionError) as e:
    print("tuple caught", type(e).__name__)  # expect: tuple caught ZeroDivisionError
try:
    [][0]
except KeyError:
    print("wrong")
except LookupError as e:
    print("base class caught:", e)  # expect: base class caught: list index out of range
try:
    int("x")
except Exception:
    print("Exception catches ValueError")  # expect: Exception catches ValueError
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")  # expect: inner finally
except KeyError as e:
    print("outer got", e)  # expect: outer got 'inner'
try:
    try:
        raise TypeError("t")
    except ValueError:
        print("not here")
except TypeError:
    print("propagated past non-matching handler")  # expect: propagated past non-matching handler
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")  # expect: else without exception
try:
    raise RuntimeError
except:
    print("bare except")  # expect: bare except
