# `import dis` succeeds and provides dis.dis (its output is tested elsewhere).
import dis
print(callable(dis.dis))  # expect: True
print(dis.__name__)  # expect: dis
