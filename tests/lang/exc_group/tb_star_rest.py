# The rest of a group that no except* clause matched keeps its traceback.
try:
    raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
except* ValueError:
    pass
# expect stderr:   + Exception Group Traceback (most recent call last):
# expect stderr:   |   File "{FILE}", line 3, in <module>
# expect stderr:   |     raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
# expect stderr:   | ExceptionGroup: eg (1 sub-exception)
# expect stderr:   +-+---------------- 1 ----------------
# expect stderr:     | KeyError: 2
# expect error:     +------------------------------------
