# split/subgroup copy the group's traceback, cause, context and notes to each
# part (notes as a new list); add_note's checks.
def make():
    try:
        try:
            raise KeyError("ctx")
        except KeyError:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2),
                                       ExceptionGroup("sub", [ValueError(3), OSError(4)])]) from OSError("cause")
    except ExceptionGroup as e:
        return e

eg = make()
eg.add_note("group note")
eg.exceptions[2].add_note("sub note")
match, rest = eg.split(ValueError)
for part in (match, rest):
    print(repr(part))
    print(part.__traceback__ is eg.__traceback__, part.__cause__ is eg.__cause__,
          part.__context__ is eg.__context__, part.__suppress_context__,
          part.__notes__, part.__notes__ is eg.__notes__)
    print(repr(part.exceptions[-1]), part.exceptions[-1].__notes__)
print(eg.subgroup(lambda e: isinstance(e, OSError) and not isinstance(e, ExceptionGroup)))
print(eg.subgroup(KeyError), eg.split(KeyError)[0], eg.split(KeyError)[1] is eg)
print(eg.subgroup(lambda e: e is eg) is eg)

# A group whose notes are not a sequence: not copied.
g = ExceptionGroup("n", [ValueError(), TypeError()])
g.__notes__ = 7
print(hasattr(g.split(ValueError)[0], "__notes__"))

e = ValueError("v")
try:
    e.add_note(1)
except TypeError as x:
    print("TypeError:", x)
e.__notes__ = "not a list"
try:
    e.add_note("n")
except TypeError as x:
    print("TypeError:", x)
del e.__notes__
e.add_note("first")
e.add_note("second")
print(e.__notes__)

# derive must return a group.
class Bad(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")
try:
    Bad("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as x:
    print("TypeError:", x)
# expect: ExceptionGroup('g', [ValueError(1), ExceptionGroup('sub', [ValueError(3)])])
# expect: True True True True ['group note'] False
# expect: ExceptionGroup('sub', [ValueError(3)]) ['sub note']
# expect: ExceptionGroup('g', [TypeError(2), ExceptionGroup('sub', [OSError(4)])])
# expect: True True True True ['group note'] False
# expect: ExceptionGroup('sub', [OSError(4)]) ['sub note']
# expect: g (1 sub-exception)
# expect: None None False
# expect: True
# expect: False
# expect: TypeError: note must be a str, not 'int'
# expect: TypeError: Cannot add note: __notes__ is not a list
# expect: ['first', 'second']
# expect: TypeError: derive must return an instance of BaseExceptionGroup
