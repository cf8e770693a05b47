try:
    f()
except* ValueError:
    pass
except *(TypeError, KeyError) as e:
    g(e)
else:
    h()
finally:
    k()

try:
    pass
except* OSError as err:
    for x in err.exceptions:
        print(x)
