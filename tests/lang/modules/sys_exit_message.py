# sys.exit("message") prints the message on stderr and exits with status 1.
# expect exit: 1
# expect stderr: fatal: giving up
import sys
print("working")  # expect: working
sys.exit("fatal: giving up")
