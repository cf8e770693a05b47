# PEP 678 notes follow the message, one per line.
def validate(record):
    err = ValueError(f"invalid record {record['id']}")
    err.add_note("field 'age' must be positive")
    err.add_note("while importing users.csv\nline 12")
    raise err


validate({"id": 7})

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 9, in <module>
# expect stderr:     validate({"id": 7})
# expect stderr:   File "{FILE}", line 6, in validate
# expect stderr:     raise err
# expect stderr: ValueError: invalid record 7
# expect stderr: field 'age' must be positive
# expect stderr: while importing users.csv
# expect error: line 12
