x = 'abc'
y = (