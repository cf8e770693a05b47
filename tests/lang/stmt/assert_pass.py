# assert with and without message; pass in various blocks; return without value.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("failed:", repr(e))  # expect: failed: AssertionError()
    print(e.args)  # expect: ()
try:
    assert False, "custom message"
except AssertionError as e:
    print(e)  # expect: custom message
try:
    x = 5
    assert x < 0, f"x is {x}"
except AssertionError as e:
    print(e)  # expect: x is 5
try:
    assert [], ["a", "list"]
except AssertionError as e:
    print(e.args[0])  # expect: ['a', 'list']
def nothing():
    pass
class Empty:
    pass
for i in range(2):
    pass
print(nothing(), type(Empty()).__name__)  # expect: None Empty
def early(n):
    if n:
        return
    return "end"
print(early(1), early(0))  # expect: None end
def multi():
    return 1, 2
print(multi())  # expect: (1, 2)
