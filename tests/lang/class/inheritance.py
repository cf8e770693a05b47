# class: single inheritance, overriding, super() in methods and __init__, isinstance/issubclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name} ({self.kind()})"
    def kind(self):
        return "animal"
class Cat(Animal):
    def __init__(self, name, indoor):
        super().__init__(name)
        self.indoor = indoor
    def kind(self):
        return "cat"
class Lion(Cat):
    def kind(self):
        return "big " + super().kind()
    def describe(self):
        return "ROAR " + super().describe()
c = Cat("Tom", True)
l = Lion("Leo", False)
print(c.describe())  # expect: Tom (cat)
print(l.describe())  # expect: ROAR Leo (big cat)
print(l.indoor, l.name)  # expect: False Leo
print(isinstance(l, Animal), isinstance(c, Lion))  # expect: True False
print(issubclass(Lion, Cat), issubclass(Cat, Lion), issubclass(Cat, Cat))  # expect: True False True
print(isinstance(l, (int, Cat)), isinstance(3, (str, float)))  # expect: True False
print(issubclass(Lion, object), issubclass(bool, int))  # expect: True True
class Base:
    greeting = "hello"
    def greet(self):
        return self.greeting
class Child(Base):
    greeting = "hi"
print(Child().greet(), Base().greet())  # expect: hi hello
class Explicit(Base):
    def greet(self):
        return super(Explicit, self).greet().upper()
print(Explicit().greet())  # expect: HELLO
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml.total(), len(ml), isinstance(ml, list))  # expect: 10 4 True
