# str: find/rfind/index/rindex/count/startswith/endswith with start/end, non-ASCII offsets, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
s = "héllo wörld, héllo"
print(s.find("llo"), s.find("llo", 3), s.find("llo", 3, 5), s.find("ö"))  # expect: 2 15 -1 7
print(s.rfind("héllo"), s.rfind("héllo", 0, 17), s.rfind("l", -3), s.rfind("xyz"))  # expect: 13 0 16 -1
print(s.index("wö"), s.rindex("l"), s.count("l"), s.count("l", 5), s.count("l", 5, -3))  # expect: 6 16 5 3 1
print(s.find(""), s.find("", 18), s.find("", 19), s.rfind(""), s.rfind("", 0, 4))  # expect: 0 18 -1 18 4
print("abc".find("c", -1), "abc".find("c", -10**30), "abc".find("a", None, None), "abc".find("a", 10**30))  # expect: 2 2 0 -1
print("aaaaa".count("aa"), "aaaaa".count("a", 1, 3), "ab".count("", 5), "ab".count(""), "".count(""))  # expect: 2 2 0 3 1
print("ééé".count("é"), "ééé".count("é", 1), "ééé".count("", 1))  # expect: 3 2 3
print(s.startswith("hé"), s.startswith("wö", 6), s.startswith("wö", 6, 7), s.startswith(("x", "wö"), 6))  # expect: True True False True
print(s.endswith("llo"), s.endswith("wörld", 0, 11), s.endswith("wörld", 0, -7), s.endswith(("a", "o")))  # expect: True True True True
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", 4), "abc".endswith("", -1))  # expect: True False False True
print("abc".startswith(("a", 1)), "".startswith(""), "".endswith("a"), "a".startswith("ab"))  # expect: True True False False
t(lambda: "a".find())  # expect: TypeError: find() takes at least 1 argument (0 given)
t(lambda: "a".find(1))  # expect: TypeError: must be str, not int
t(lambda: "a".find("a", 1, 2, 3))  # expect: TypeError: find() takes at most 3 arguments (4 given)
t(lambda: "a".find("a", "x"))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
t(lambda: "a".find(sub="a"))  # expect: TypeError: str.find() takes no keyword arguments
t(lambda: "a".count())  # expect: TypeError: count() takes at least 1 argument (0 given)
t(lambda: "abc".index("d"))  # expect: ValueError: substring not found
t(lambda: "abc".rindex("a", 1))  # expect: ValueError: substring not found
t(lambda: "abc".index("c", 10**30))  # expect: ValueError: substring not found
t(lambda: "a".startswith(1))  # expect: TypeError: startswith first arg must be str or a tuple of str, not int
t(lambda: "a".startswith((1,)))  # expect: TypeError: tuple for startswith must only contain str, not int
t(lambda: "a".endswith(["a"]))  # expect: TypeError: endswith first arg must be str or a tuple of str, not list
t(lambda: "a".endswith(("b", 2)))  # expect: TypeError: tuple for endswith must only contain str, not int
t(lambda: "a".startswith())  # expect: TypeError: startswith() takes at least 1 argument (0 given)
t(lambda: "a".startswith("a", "x"))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
class Idx:
    def __index__(self):
        return 2
print("abcabc".find("c", Idx()), "abcabc".count("b", Idx()), "日本語日本語".find("本", Idx()))  # expect: 2 1 4
