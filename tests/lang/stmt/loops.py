# while/else and for/else with break and continue; nested loops.
i = 0
while i < 3:
    i += 1
else:
    print("while finished", i)  # expect: while finished 3
i = 0
while True:
    i += 1
    if i == 2:
        continue
    if i > 4:
        break
    print("i", i)
# expect: i 1
# expect: i 3
# expect: i 4
while i < 100:
    break
else:
    print("not printed")
for n in range(2, 12):
    for f in range(2, n):
        if n % f == 0:
            break
    else:
        print("prime", n)
# expect: prime 2
# expect: prime 3
# expect: prime 5
# expect: prime 7
# expect: prime 11
for x in []:
    print("never")
else:
    print("empty for runs else")  # expect: empty for runs else
total = 0
for x in range(10):
    if x % 2:
        continue
    total += x
print(total)  # expect: 20
for x in range(3):
    pass
print(x)  # expect: 2
count = 0
while count < 5:
    count += 1
    if count == 3:
        break
else:
    print("no")
print(count)  # expect: 3
