# sys.exit(N) exits with status N; code after it does not run; finally blocks do.
# expect exit: 3
import sys
print("before")  # expect: before
try:
    sys.exit(3)
finally:
    print("finally runs")  # expect: finally runs
print("not reached")
