# Instance attributes are candidates too.
class Config:
    def __init__(self):
        self.timeout = 30
        self.retries = 3


cfg = Config()
print(cfg.retries)
print(cfg.timout)

# expect: 3
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 10, in <module>
# expect stderr:     print(cfg.timout)
# expect stderr:           ^^^^^^^^^^
# expect error: AttributeError: 'Config' object has no attribute 'timout'. Did you mean: 'timeout'?
