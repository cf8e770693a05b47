# TypeError for a method called with too many arguments (self counts).
class A:
    def m(self):
        pass
A().m(1)
# expect error: TypeError: A.m() takes 1 positional argument but 2 were given
