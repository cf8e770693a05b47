# sys.exit() and sys.exit(0) exit with status 0; SystemExit can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code)  # expect: caught 5
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)  # expect: code None
print("exiting")  # expect: exiting
sys.exit(0)
print("never")
