# "raise ... from": the cause is printed first.
class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value: {text!r}") from e


load("ten")

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 8, in load
# expect stderr:     return int(text)
# expect stderr:            ^^^^^^^^^
# expect stderr: ValueError: invalid literal for int() with base 10: 'ten'
# expect stderr:
# expect stderr: The above exception was the direct cause of the following exception:
# expect stderr:
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 13, in <module>
# expect stderr:     load("ten")
# expect stderr:   File "{FILE}", line 10, in load
# expect stderr:     raise ConfigError(f"bad value: {text!r}") from e
# expect error: ConfigError: bad value: 'ten'
