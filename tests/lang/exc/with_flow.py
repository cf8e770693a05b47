# with: leaving the block by continue/break still calls __exit__; *args form of __exit__.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        break
# expect: enter 0
# expect: exit 0 None None
# expect: enter 1
# expect: exit 1 None None
class Plain:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit args", len(args), args[0] is None)
with Plain() as p:
    print(type(p).__name__)
# expect: Plain
# expect: exit args 3 True
