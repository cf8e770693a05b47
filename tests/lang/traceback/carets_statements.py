# Carets in statements: augmented assignment and del/store subscripts.
import sys

cases = [
    "d = {}\nd['k'] += 1",
    "t = (1, 2)\nt[0] = 5",
    "d = {}\ndel d['gone']",
    "n = 1\nn += 'x'",
]
for src in cases:
    try:
        exec(src)
    except Exception as e:
        print(type(e).__name__, e)


def update(table, key):
    table[key] += 1


def store(seq):
    seq[0] = "x"


def remove(table):
    del table["gone"]


for fn, arg in [(update, ({}, "k")), (store, ((1,),)), (remove, ({},))]:
    try:
        fn(*arg)
    except Exception:
        sys.excepthook(*sys.exc_info())

# expect: KeyError 'k'
# expect: TypeError 'tuple' object does not support item assignment
# expect: KeyError 'gone'
# expect: TypeError unsupported operand type(s) for +=: 'int' and 'str'
# expect exit: 0
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 31, in <module>
# expect stderr:     fn(*arg)
# expect stderr:   File "{FILE}", line 18, in update
# expect stderr:     table[key] += 1
# expect stderr:     ~~~~~^^^^^
# expect stderr: KeyError: 'k'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 31, in <module>
# expect stderr:     fn(*arg)
# expect stderr:   File "{FILE}", line 22, in store
# expect stderr:     seq[0] = "x"
# expect stderr:     ~~~^^^
# expect stderr: TypeError: 'tuple' object does not support item assignment
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 31, in <module>
# expect stderr:     fn(*arg)
# expect stderr:   File "{FILE}", line 26, in remove
# expect stderr:     del table["gone"]
# expect stderr:         ~~~~~^^^^^^^^
# expect stderr: KeyError: 'gone'
