# dis.dis() of a function that has already run: the inline caches after
# LOAD_GLOBAL, LOAD_ATTR, CALL ... then hold data, and must still be skipped.
import dis


def f(xs):
    return len(xs) + xs.count(1)


print(f([1, 2, 1]))  # expect: 5
f([])
dis.dis(f)
# expect:   6           0 RESUME                   0
# expect:
# expect:   7           2 LOAD_GLOBAL              1 (NULL + len)
# expect:              14 LOAD_FAST                0 (xs)
# expect:              16 PRECALL                  1
# expect:              20 CALL                     1
# expect:              30 LOAD_FAST                0 (xs)
# expect:              32 LOAD_METHOD              1 (count)
# expect:              54 LOAD_CONST               1 (1)
# expect:              56 PRECALL                  1
# expect:              60 CALL                     1
# expect:              70 BINARY_OP                0 (+)
# expect:              74 RETURN_VALUE
