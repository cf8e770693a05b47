# break out of an except* block.
for i in range(3):
    try:
        pass
    except* ValueError:
        break
# expect stderr:   File "{FILE}", line 6
# expect stderr:     break
# expect stderr:     ^^^^^
# expect error: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
