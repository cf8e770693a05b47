# More than 15 members and deeper than 10 levels are cut; multi-line notes.
excs = [ValueError(i) for i in range(17)]
def nest(d):
    if d == 0:
        return KeyError("leaf")
    return ExceptionGroup(f"d{d}", [nest(d - 1)])
g = ExceptionGroup("wide", excs + [nest(12)])
g.add_note("multi\nline note\n")
g.add_note("second")
raise g
# expect stderr:   + Exception Group Traceback (most recent call last):
# expect stderr:   |   File "{FILE}", line 10, in <module>
# expect stderr:   |     raise g
# expect stderr:   | ExceptionGroup: wide (18 sub-exceptions)
# expect stderr:   | multi
# expect stderr:   | line note
# expect stderr:
# expect stderr:   | second
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | ValueError: 0
# expect stderr:     +---------------- 2 ----------------
# expect stderr:     | ValueError: 1
# expect stderr:     +---------------- 3 ----------------
# expect stderr:     | ValueError: 2
# expect stderr:     +---------------- 4 ----------------
# expect stderr:     | ValueError: 3
# expect stderr:     +---------------- 5 ----------------
# expect stderr:     | ValueError: 4
# expect stderr:     +---------------- 6 ----------------
# expect stderr:     | ValueError: 5
# expect stderr:     +---------------- 7 ----------------
# expect stderr:     | ValueError: 6
# expect stderr:     +---------------- 8 ----------------
# expect stderr:     | ValueError: 7
# expect stderr:     +---------------- 9 ----------------
# expect stderr:     | ValueError: 8
# expect stderr:     +---------------- 10 ----------------
# expect stderr:     | ValueError: 9
# expect stderr:     +---------------- 11 ----------------
# expect stderr:     | ValueError: 10
# expect stderr:     +---------------- 12 ----------------
# expect stderr:     | ValueError: 11
# expect stderr:     +---------------- 13 ----------------
# expect stderr:     | ValueError: 12
# expect stderr:     +---------------- 14 ----------------
# expect stderr:     | ValueError: 13
# expect stderr:     +---------------- 15 ----------------
# expect stderr:     | ValueError: 14
# expect stderr:     +---------------- ... ----------------
# expect stderr:     | and 3 more exceptions
# expect error:     +------------------------------------
