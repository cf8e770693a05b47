# continue inside a loop in except* is fine; outside it is not.
for i in range(3):
    try:
        pass
    except* ValueError:
        for j in range(2):
            continue
        continue
# expect stderr:   File "{FILE}", line 8
# expect stderr:     continue
# expect stderr:     ^^^^^^^^
# expect error: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
