# Sorting tuple keys and 'in' on lists of ints take fast paths: the results
# (order, errors, mixed and big ints, user __eq__/__lt__) stay CPython's.
class K:
    def __init__(s, v):
        s.v = v

    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return "K%d" % s.v
print(sorted([(1, K(3)), (1, K(2)), (0, K(9)), (1,), ()]))  # expect: [(), (0, K9), (1,), (1, K2), (1, K3)]
print(sorted([(2, 'b'), (2, 'a'), (1, 'z'), (2, 'a', 0), (1.5, 'x')]))  # expect: [(1, 'z'), (1.5, 'x'), (2, 'a'), (2, 'a', 0), (2, 'b')]
print(sorted([((1, 2), 3), ((1, 1), 4), ((0,), 5)]))  # expect: [((0,), 5), ((1, 1), 4), ((1, 2), 3)]
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'int' and 'str'
print(sorted([(2**70, 1), (2**70, 0), (-2**70, 5)]))  # expect: [(-1180591620717411303424, 5), (1180591620717411303424, 0), (1180591620717411303424, 1)]
print(sorted([(1, [2]), (1, [1, 5])]), sorted([(True, 2), (1, 1)]))  # expect: [(1, [1, 5]), (1, [2])] [(1, 1), (True, 2)]
l = [1, 2, 2**70, 3.0, "x", True, -5]
print([v in l for v in (1, 2, 3, 2**70, 4, "x", -5, 0, 1.0, False)])  # expect: [True, True, True, True, False, True, True, False, True, False]
class E:
    def __eq__(s, o): return o == 99
l2 = [1, E()]
print(99 in l2, 98 in l2, 2**70 in [2**70], (2**70 - 2**70 + 7) in [7])  # expect: True False True True

