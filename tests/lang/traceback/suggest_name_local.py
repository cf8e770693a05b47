# Local names of the failing function come first.
counter_total = 0


def tally(items):
    counter_local = 0
    for item in items:
        counter_local += item
    return counter_locl


tally([1, 2])

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 12, in <module>
# expect stderr:     tally([1, 2])
# expect stderr:   File "{FILE}", line 9, in tally
# expect stderr:     return counter_locl
# expect stderr:            ^^^^^^^^^^^^
# expect error: NameError: name 'counter_locl' is not defined. Did you mean: 'counter_local'?
