# except*: matching parts of a group, naked exceptions wrapped, the unhandled
# rest re-raised, raising and re-raising from clauses, invalid clause types,
# split with a predicate, notes copied, derive overridden.
import sys
def show(e):
    print(type(e).__name__, repr(e))

# 1. split across handlers
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), OSError(4)])
except* ValueError as e:
    show(e); print(sys.exc_info()[1] is e)
except* TypeError as e:
    show(e)
except* OSError:
    print("os", repr(sys.exc_info()[1]))
print("after 1")

# 2. naked exception wrapped
try:
    raise ValueError("naked")
except* ValueError as e:
    show(e); print(e.exceptions[0].__traceback__ is not None, e.__traceback__)
print("after 2")

# 3. unhandled remainder
def f3():
    try:
        raise ExceptionGroup("eg3", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled value")
try:
    f3()
except ExceptionGroup as e:
    show(e)

# 4. naked unhandled re-raised naked
def f4():
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")
try:
    f4()
except KeyError as e:
    show(e)

# 5. raise in handler
def f5():
    try:
        raise ExceptionGroup("eg5", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
try:
    f5()
except ExceptionGroup as e:
    show(e)
    show(e.exceptions[0].__context__)
    show(e.exceptions[1])

# 6. bare raise in handler
def f6():
    try:
        raise ExceptionGroup("eg6", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
try:
    f6()
except ExceptionGroup as e:
    show(e)

# 7. raise e in handler (new raise of the match)
def f7():
    try:
        raise ExceptionGroup("eg7", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
    except* TypeError:
        pass
try:
    f7()
except ExceptionGroup as e:
    show(e)

# 8. tuple types, else, finally
try:
    pass
except* (ValueError, TypeError):
    print("no")
else:
    print("else")
finally:
    print("finally")
try:
    raise ExceptionGroup("x", [ValueError(), TypeError()])
except* (ValueError, TypeError) as e:
    show(e)
finally:
    print("finally2")

# 9. invalid types
for t in (int, ExceptionGroup, (ValueError, BaseExceptionGroup)):
    try:
        try:
            raise ValueError
        except* t:
            pass
    except TypeError as e:
        print("TypeError:", e)

# 10. nested groups & exc_info restored
try:
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as e:
    show(e)
except* TypeError as e:
    show(e)
print(sys.exc_info())

# 11. raise from handler & handler raising a group
def f11():
    try:
        raise ExceptionGroup("eg11", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise ExceptionGroup("new", [OSError(5)])
    except* TypeError as e:
        raise IndexError(6) from e
try:
    f11()
except BaseException as e:
    show(e)
    show(e.exceptions[1].__cause__)

# 12. loops inside except* allowed
for i in range(2):
    try:
        raise ValueError(i)
    except* ValueError:
        for j in range(3):
            if j == 1:
                break
        print("i", i, j)

# 13. BaseExceptions
try:
    try:
        raise KeyboardInterrupt
    except* KeyboardInterrupt as e:
        show(e)
        raise
except BaseException as e:
    show(e)

# 14. split with predicate & notes copying
eg = ExceptionGroup("p", [ValueError(1), ValueError(2)])
eg.add_note("n1")
m, r = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] == 1)
show(m); show(r); print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(m.__suppress_context__, eg.__suppress_context__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
m, r = MyEG("mine", [ValueError(1), TypeError(2)]).split(ValueError)
show(m); show(r)
print(eg.subgroup(ValueError) is eg, eg.split(ValueError)[0] is eg)
# expect: ExceptionGroup ExceptionGroup('eg', [ValueError(1), ValueError(3)])
# expect: True
# expect: ExceptionGroup ExceptionGroup('eg', [TypeError(2)])
# expect: os ExceptionGroup('eg', [OSError(4)])
# expect: after 1
# expect: ExceptionGroup ExceptionGroup('', (ValueError('naked'),))
# expect: True None
# expect: after 2
# expect: handled value
# expect: ExceptionGroup ExceptionGroup('eg3', [KeyError(2)])
# expect: KeyError KeyError('k')
# expect: ExceptionGroup ExceptionGroup('', [RuntimeError('from handler'), ExceptionGroup('eg5', [TypeError(2)])])
# expect: ExceptionGroup ExceptionGroup('eg5', [ValueError(1)])
# expect: ExceptionGroup ExceptionGroup('eg5', [TypeError(2)])
# expect: ExceptionGroup ExceptionGroup('eg6', [ValueError(1), TypeError(2)])
# expect: ExceptionGroup ExceptionGroup('eg7', [ValueError(1)])
# expect: else
# expect: finally
# expect: ExceptionGroup ExceptionGroup('x', [ValueError(), TypeError()])
# expect: finally2
# expect: TypeError: catching classes that do not inherit from BaseException is not allowed
# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: ExceptionGroup ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])
# expect: ExceptionGroup ExceptionGroup('outer', [ExceptionGroup('inner', [TypeError(2)])])
# expect: (None, None, None)
# expect: ExceptionGroup ExceptionGroup('', [ExceptionGroup('new', [OSError(5)]), IndexError(6), ExceptionGroup('eg11', [KeyError(3)])])
# expect: ExceptionGroup ExceptionGroup('eg11', [TypeError(2)])
# expect: i 0 1
# expect: i 1 1
# expect: BaseExceptionGroup BaseExceptionGroup('', (KeyboardInterrupt(),))
# expect: BaseExceptionGroup BaseExceptionGroup('', (KeyboardInterrupt(),))
# expect: ExceptionGroup ExceptionGroup('p', [ValueError(1)])
# expect: ExceptionGroup ExceptionGroup('p', [ValueError(2)])
# expect: ['n1'] ['n1'] False
# expect: True False
# expect: MyEG MyEG('mine!', [ValueError(1)])
# expect: MyEG MyEG('mine!', [TypeError(2)])
# expect: False False
