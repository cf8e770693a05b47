print
print 1