from a import (b, c
d = 1