# str: split, rsplit, splitlines, join.
print("a b  c".split())  # expect: ['a', 'b', 'c']
print("  lead and trail  ".split())  # expect: ['lead', 'and', 'trail']
print("a,b,,c".split(","))  # expect: ['a', 'b', '', 'c']
print("a,b,c".split(",", 1))  # expect: ['a', 'b,c']
print("a,b,c".rsplit(",", 1))  # expect: ['a,b', 'c']
print("a::b::c".split("::"))  # expect: ['a', 'b', 'c']
print("".split())  # expect: []
print("".split(","))  # expect: ['']
print("no-sep".split(","))  # expect: ['no-sep']
print("one\ntwo\r\nthree".splitlines())  # expect: ['one', 'two', 'three']
print("x\ny\n".splitlines())  # expect: ['x', 'y']
print("x\ny\n".splitlines(True))  # expect: ['x\n', 'y\n']
print("x\n\ny".split("\n"))  # expect: ['x', '', 'y']
print("-".join(["a", "b", "c"]))  # expect: a-b-c
print("".join(["x", "y"]))  # expect: xy
print(", ".join([]))  # expect: 
print("+".join("abc"))  # expect: a+b+c
print(" ".join([str(i) for i in [1, 2, 3]]))  # expect: 1 2 3
print("a b c".split(None, 1))  # expect: ['a', 'b c']
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)  # expect: sequence item 1: expected str instance, int found
