# Subscripts: the value is '~', the bracketed part '^'.
config = {"db": {"host": "localhost"}}


def port(cfg):
    return cfg["db"]["port"]


port(config)

# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 9, in <module>
# expect stderr:     port(config)
# expect stderr:   File "{FILE}", line 6, in port
# expect stderr:     return cfg["db"]["port"]
# expect stderr:            ~~~~~~~~~^^^^^^^^
# expect error: KeyError: 'port'
