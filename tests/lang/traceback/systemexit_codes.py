# sys.exit(None) is status 0, an int is the status, no traceback is printed.
import sys

try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
print("exiting")
raise SystemExit(3)

# expect: code None
# expect: exiting
# expect exit: 3
