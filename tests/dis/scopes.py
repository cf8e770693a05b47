G = 0


def setg(v):
    global G
    G = v
    del G


def ann(x: int) -> int:
    local: int = x
    return local


class K:
    y = G

    def m(self):
        return G, self.y
