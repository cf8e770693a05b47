# dict: keys/values/items views, iteration, live views, comparisons.
d = {"a": 1, "b": 2, "c": 3}
print(d.keys())  # expect: dict_keys(['a', 'b', 'c'])
print(d.values())  # expect: dict_values([1, 2, 3])
print(d.items())  # expect: dict_items([('a', 1), ('b', 2), ('c', 3)])
for k, v in d.items():
    print(k, v)
# expect: a 1
# expect: b 2
# expect: c 3
ks = d.keys()
d["d"] = 4
print(len(ks), list(ks))  # expect: 4 ['a', 'b', 'c', 'd']
print("a" in ks, 4 in d.values(), ("a", 1) in d.items())  # expect: True True True
print(sorted(d.keys() & {"a", "z"}))  # expect: ['a']
print(sorted(d.keys() - {"a"}))  # expect: ['b', 'c', 'd']
print(list(reversed(d)))  # expect: ['d', 'c', 'b', 'a']
print(sum(d.values()))  # expect: 10
print({"a": 1, "b": 2} == {"b": 2, "a": 1})  # expect: True
print({"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2})  # expect: True True
print(d.keys() == {"a", "b", "c", "d"})  # expect: True
total = 0
for k in d:
    total += d[k]
print(total)  # expect: 10
print(list(zip(d, d.values())))  # expect: [('a', 1), ('b', 2), ('c', 3), ('d', 4)]
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'dict' and 'dict'
