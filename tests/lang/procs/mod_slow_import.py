# A module whose import takes a while (fork_threads.py forks meanwhile).
import time
time.sleep(0.3)
DONE = True
