# str: concatenation, repetition, comparisons, iteration, membership, len.
print("ab" + "cd")  # expect: abcd
print("ab" * 3)  # expect: ababab
print(3 * "x")  # expect: xxx
print(repr("ab" * 0), repr("ab" * -2))  # expect: '' ''
print("apple" < "banana")  # expect: True
print("apple" < "Apple")  # expect: False
print("abc" < "abcd")  # expect: True
print("b" > "abc")  # expect: True
print("abc" == "abc", "abc" != "abc")  # expect: True False
print("a" <= "a", "é" > "z")  # expect: True True
for ch in "hey":
    print(ch)
# expect: h
# expect: e
# expect: y
print(list("abc"))  # expect: ['a', 'b', 'c']
s = "x"
s += "yz"
print(s)  # expect: xyz
print(len(""), len("hello"))  # expect: 0 5
print(str(12) + str(3.5) + str(None))  # expect: 123.5None
print(max("hello"), min("hello"))  # expect: o e
print(sorted("banana"))  # expect: ['a', 'a', 'a', 'b', 'n', 'n']
print("-" * 10)  # expect: ----------
