# A traceback through module level, a function and two methods of a class.
class Service:
    def start(self):
        return self.load("cfg")

    def load(self, name):
        raise ValueError("cannot load " + name)


def run():
    Service().start()


run()
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 14, in <module>
# expect stderr:     run()
# expect stderr:   File "{FILE}", line 11, in run
# expect stderr:     Service().start()
# expect stderr:   File "{FILE}", line 4, in start
# expect stderr:     return self.load("cfg")
# expect stderr:   File "{FILE}", line 7, in load
# expect stderr:     raise ValueError("cannot load " + name)
# expect error: ValueError: cannot load cfg
