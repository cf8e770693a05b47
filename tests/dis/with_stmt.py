def read(path):
    with open(path) as f:
        data = f.read()
    return data


def both(path):
    with open(path) as f, open(path) as g:
        return f.read() + g.read()
