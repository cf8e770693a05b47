class A:
z