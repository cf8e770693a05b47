# sys.__excepthook__ prints the standard traceback.
import sys

sys.excepthook = lambda *args: print("custom")
sys.excepthook = sys.__excepthook__
x = {}
x["k"]

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     x["k"]
# expect stderr:     ~^^^^^
# expect error: KeyError: 'k'
