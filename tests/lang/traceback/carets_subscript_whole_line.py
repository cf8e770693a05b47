# Anchored carets are shown even when the expression is the whole line.
items = [1, 2, 3]
items[ 10 ]

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 3, in <module>
# expect stderr:     items[ 10 ]
# expect stderr:     ~~~~~^^^^^^
# expect error: IndexError: list index out of range
