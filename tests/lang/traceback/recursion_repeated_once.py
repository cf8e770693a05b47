# Four identical entries: three shown, then "1 more time" (singular).
def down(n):
    if n == 0:
        return {}["end"]
    return down(n - 1)


down(4)

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 8, in <module>
# expect stderr:     down(4)
# expect stderr:   File "{FILE}", line 5, in down
# expect stderr:     return down(n - 1)
# expect stderr:            ^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in down
# expect stderr:     return down(n - 1)
# expect stderr:            ^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 5, in down
# expect stderr:     return down(n - 1)
# expect stderr:            ^^^^^^^^^^^
# expect stderr:   [Previous line repeated 1 more time]
# expect stderr:   File "{FILE}", line 4, in down
# expect stderr:     return {}["end"]
# expect stderr:            ~~^^^^^^^
# expect error: KeyError: 'end'
