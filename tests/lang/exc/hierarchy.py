# The built-in exception hierarchy that user code catches.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError),
    (TimeoutError, OSError), (StopIteration, Exception), (AssertionError, Exception),
    (AttributeError, Exception), (MemoryError, Exception), (TypeError, Exception),
    (Exception, BaseException), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException),
]
for sub, base in pairs:
    print(sub.__name__, issubclass(sub, base))
# expect: ZeroDivisionError True
# expect: OverflowError True
# expect: ArithmeticError True
# expect: KeyError True
# expect: IndexError True
# expect: LookupError True
# expect: UnboundLocalError True
# expect: RecursionError True
# expect: NotImplementedError True
# expect: ModuleNotFoundError True
# expect: TimeoutError True
# expect: StopIteration True
# expect: AssertionError True
# expect: AttributeError True
# expect: MemoryError True
# expect: TypeError True
# expect: Exception True
# expect: KeyboardInterrupt True
# expect: SystemExit True
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))  # expect: False False
print(issubclass(ValueError, LookupError))  # expect: False
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)  # expect: BaseException caught KeyboardInterrupt
try:
    raise SystemExit(3)
except SystemExit as e:
    print("code", e.code)  # expect: code 3
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)  # expect: ModuleNotFoundError No module named 'no_such_module_here'
