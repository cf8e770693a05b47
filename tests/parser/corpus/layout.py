# Comments, blank lines, continuation, tabs, semicolons.

x = 1  # trailing comment

  # indented comment

def f():
    # comment in body

    x = 1


    return x
x = [
    1,
    2,  # comment
    3
]
y = (1 +
     2 +
     3)
z = {
  'a': 1,
      'b': 2,
}
w = 1 + \
    2 + \
    3
if x and \
   y:
    pass
if x:
	# tab indented
	a = 1
	if y:
		b = 2
	c = 3
def g():
        deep = 1
        return deep
class K:
    def f(self):
        pass


    def g(self):
        pass
a = 1; b = 2
if a: b = 1; c = 2
s = 'a' \
    'b'
t = f(1,
      2)(3,
         4)
def h(
    a,
    b,
):
    return (
        a
        + b
    )
u = [x
     for x
     in y
     if x]
v = 1 if x \
    else 2
if True:
    pass
  # dedented comment
x = 1
