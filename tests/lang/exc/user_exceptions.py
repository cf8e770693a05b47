# User exception classes: subclassing, custom __init__/__str__, args, catching by base.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class Coded(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"code={self.code}"
try:
    raise NotFound("file.txt")
except AppError as e:
    print(type(e).__name__, e, e.name)  # expect: NotFound file.txt not found file.txt
    print(e.args)  # expect: ('file.txt not found',)
try:
    raise Coded(7)
except Coded as e:
    print(e, e.code, e.args)  # expect: code=7 7 (7,)
print(repr(AppError("x")))  # expect: AppError('x')
print(issubclass(NotFound, Exception), isinstance(NotFound("a"), AppError))  # expect: True True
try:
    try:
        raise AppError("inner")
    except NotFound:
        print("no")
except AppError as e:
    print("outer", e)  # expect: outer inner
class WithDefault(ValueError):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except ValueError as e:
    print(e)  # expect: default message
