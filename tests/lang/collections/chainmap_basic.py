# collections.ChainMap: lookups through several mappings, writes to the first.
from collections import ChainMap

defaults = {"color": "red", "user": "guest"}
env = {"user": "admin"}
cli = {}
cm = ChainMap(cli, env, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm))  # expect: admin red 2 ['color', 'user']
print("color" in cm, "size" in cm, cm.get("size", 0))  # expect: True False 0
cm["color"] = "blue"
print(cli, defaults["color"], cm["color"])  # expect: {'color': 'blue'} red blue
del cm["color"]
print(cm["color"])  # expect: red
try:
    del cm["user"]
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: "Key not found in the first mapping: 'user'"
try:
    cm["nope"]
except KeyError as e:
    print("KeyError:", e)  # expect: KeyError: 'nope'
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], len(child.maps))  # expect: root admin 4
print(ChainMap({"a": 1}, {"b": 2}))  # expect: ChainMap({'a': 1}, {'b': 2})
print(dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))  # expect: {'a': 1, 'b': 3}
print(list(ChainMap({"b": 1}, {"a": 2, "b": 3})))  # expect: ['a', 'b']
print(ChainMap(), bool(ChainMap()), bool(ChainMap({}, {"x": 1})))  # expect: ChainMap({}) False True
