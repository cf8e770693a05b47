# str: find, rfind, index, count, startswith, endswith, in.
s = "hello world, hello"
print(s.find("hello"))  # expect: 0
print(s.find("hello", 1))  # expect: 13
print(s.find("xyz"))  # expect: -1
print(s.rfind("hello"))  # expect: 13
print(s.find("o", 5, 8))  # expect: 7
print(s.index("world"))  # expect: 6
print(s.count("l"))  # expect: 5
print(s.count("hello"))  # expect: 2
print("aaaa".count("aa"))  # expect: 2
print(s.count(""))  # expect: 19
print(s.startswith("hell"))  # expect: True
print(s.startswith("world", 6))  # expect: True
print(s.startswith(("x", "h")))  # expect: True
print(s.endswith("hello"))  # expect: True
print(s.endswith(("a", "b")))  # expect: False
print("world" in s, "World" in s)  # expect: True False
print("" in s)  # expect: True
print("lo" not in s)  # expect: False
print("é" in "café")  # expect: True
try:
    s.index("zzz")
except ValueError as e:
    print(e)  # expect: substring not found
