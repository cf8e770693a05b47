# and/or/not: short-circuit evaluation and operand (not bool) results.
def t(v):
    print("eval", v)
    return v
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)  # expect: 2 0 1 2
print("" or "default", [] and "unused")  # expect: default []
print(None or 0 or "" or "last")  # expect: last
print(1 and "x" and [5])  # expect: [5]
print(not 0, not "a", not [])  # expect: True False True
r = t(0) and t(1)
# expect: eval 0
print(r)  # expect: 0
r = t(1) or t(2)
# expect: eval 1
print(r)  # expect: 1
r = t(0) or t(None)
# expect: eval 0
# expect: eval None
print(r)  # expect: None
print(t(1) and t(0) or t("x"))
# expect: eval 1
# expect: eval 0
# expect: eval x
# expect: x
print(True or 1 / 0)  # expect: True
print(False and 1 / 0)  # expect: False
print(not 1 == 2)  # expect: True
x = 5
print(0 < x and x < 10, x < 0 or x > 3)  # expect: True True
