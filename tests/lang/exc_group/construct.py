# BaseExceptionGroup/ExceptionGroup constructors: argument checks, the class
# chosen, str/repr, message/exceptions, derive.
def t(f):
    try:
        r = f()
        print("ok", type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: BaseExceptionGroup("m"))
t(lambda: BaseExceptionGroup())
t(lambda: BaseExceptionGroup("m", [ValueError(1)], 3))
t(lambda: BaseExceptionGroup(1, [ValueError(1)]))
t(lambda: BaseExceptionGroup("m", 3))
t(lambda: BaseExceptionGroup("m", {1:2}))
t(lambda: BaseExceptionGroup("m", []))
t(lambda: BaseExceptionGroup("m", [ValueError(1), 3]))
t(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
t(lambda: BaseExceptionGroup("m", [ValueError(1)]))
t(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("m", [ValueError(1)], x=1))
t(lambda: ExceptionGroup(message="m", exceptions=[ValueError(1)]))
class MyEG(ExceptionGroup): pass
t(lambda: MyEG("m", [KeyboardInterrupt()]))
class MyBEG(BaseExceptionGroup): pass
t(lambda: MyBEG("m", [ValueError()]))
t(lambda: MyBEG("m", (ValueError(), ValueError(2))))
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(str(eg), repr(eg), eg.args, eg.message, eg.exceptions)
print(ExceptionGroup.__mro__, ExceptionGroup.__bases__)
t(lambda: eg.split(3))
t(lambda: eg.split(len))
t(lambda: eg.split((ValueError, 3)))
t(lambda: eg.split([ValueError]))
t(lambda: eg.split(ValueError))
t(lambda: eg.split(lambda e: isinstance(e, TypeError)))
t(lambda: eg.subgroup(OSError))
def f(): eg.message = 3
t(f)
def f(): eg.exceptions = 3
t(f)
print(ExceptionGroup.__module__, ExceptionGroup.__name__, BaseExceptionGroup.__doc__)
print(ExceptionGroup.__doc__)
print(eg.derive([KeyError(1)]))
print(repr(BaseExceptionGroup('', [ValueError()])))
t(lambda: eg.__init__("a", 1))
print(eg.args)
t(lambda: ExceptionGroup.__new__(ExceptionGroup, "m", [ValueError()]))
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (0 given)
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (3 given)
# expect: TypeError BaseExceptionGroup.__new__() argument 1 must be str, not int
# expect: TypeError second argument (exceptions) must be a sequence
# expect: TypeError second argument (exceptions) must be a sequence
# expect: ValueError second argument (exceptions) must be a non-empty sequence
# expect: ValueError Item 1 of second argument (exceptions) is not an exception
# expect: ok BaseExceptionGroup BaseExceptionGroup('m', [KeyboardInterrupt()])
# expect: ok ExceptionGroup ExceptionGroup('m', [ValueError(1)])
# expect: TypeError Cannot nest BaseExceptions in an ExceptionGroup
# expect: TypeError ExceptionGroup() takes no keyword arguments
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (0 given)
# expect: TypeError Cannot nest BaseExceptions in 'MyEG'
# expect: ok MyBEG MyBEG('m', [ValueError()])
# expect: ok MyBEG MyBEG('m', (ValueError(), ValueError(2)))
# expect: msg (2 sub-exceptions) ExceptionGroup('msg', [ValueError(1), TypeError(2)]) ('msg', [ValueError(1), TypeError(2)]) msg (ValueError(1), TypeError(2))
# expect: (<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>) (<class 'BaseExceptionGroup'>, <class 'Exception'>)
# expect: TypeError expected a function, exception type or tuple of exception types
# expect: TypeError expected a function, exception type or tuple of exception types
# expect: TypeError expected a function, exception type or tuple of exception types
# expect: TypeError expected a function, exception type or tuple of exception types
# expect: ok tuple (ExceptionGroup('msg', [ValueError(1)]), ExceptionGroup('msg', [TypeError(2)]))
# expect: ok tuple (ExceptionGroup('msg', [TypeError(2)]), ExceptionGroup('msg', [ValueError(1)]))
# expect: ok NoneType None
# expect: AttributeError readonly attribute
# expect: AttributeError readonly attribute
# expect: builtins ExceptionGroup A combination of multiple unrelated exceptions.
# expect: None
# expect: msg (1 sub-exception)
# expect: ExceptionGroup('', [ValueError()])
# expect: ok NoneType None
# expect: ('a', 1)
# expect: ok ExceptionGroup ExceptionGroup('m', [ValueError()])
