# A chain of three: context, then cause.
def step1():
    return [][0]


def step2():
    try:
        step1()
    except IndexError:
        raise KeyError("step2")


try:
    step2()
except KeyError as e:
    raise ValueError("step3") from e

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 8, in step2
# expect stderr:     step1()
# expect stderr:   File "{FILE}", line 3, in step1
# expect stderr:     return [][0]
# expect stderr:            ~~^^^
# expect stderr: IndexError: list index out of range
# expect stderr:
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 14, in <module>
# expect stderr:     step2()
# expect stderr:   File "{FILE}", line 10, in step2
# expect stderr:     raise KeyError("step2")
# expect stderr: KeyError: 'step2'
# expect stderr:
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 16, in <module>
# expect stderr:     raise ValueError("step3") from e
# expect error: ValueError: step3
