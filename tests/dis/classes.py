class Base:
    x = 1

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class Child(Base):
    def get(self):
        return super().get() + 1

    @property
    def p(self):
        return self.v

    @staticmethod
    def s():
        return 0
