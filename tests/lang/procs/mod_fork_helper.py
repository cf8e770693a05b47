# Imported for the first time by a forked child (fork_threads.py).
VALUE = 42
