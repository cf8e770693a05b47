# class: __init__, instance vs class attributes, methods, bound methods, type names.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def speak(self, sound="woof"):
        return f"{self.name} says {sound}"
a = Dog("Rex")
b = Dog("Fido")
print(a.speak(), b.speak("arf"))  # expect: Rex says woof Fido says arf
print(Dog.count, a.count)  # expect: 2 2
print(a.species, Dog.species)  # expect: canis canis
a.species = "wolf"
print(a.species, b.species, Dog.species)  # expect: wolf canis canis
del a.species
print(a.species)  # expect: canis
m = b.speak
print(m("yip"))  # expect: Fido says yip
print(Dog.speak(a, "grr"))  # expect: Rex says grr
print(type(a).__name__, type(a) is Dog)  # expect: Dog True
print(Dog.__name__, type(Dog).__name__)  # expect: Dog type
print(m.__self__ is b, m.__func__ is Dog.speak)  # expect: True True
print(vars(a))  # expect: {'name': 'Rex'}
a.extra = [1]
print(sorted(a.__dict__))  # expect: ['extra', 'name']
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, isinstance(e, Empty), isinstance(e, object))  # expect: 1 True True
def method(self):
    return "attached " + self.name
Dog.method = method
print(a.method())  # expect: attached Rex
print(Dog.__doc__, callable(Dog))  # expect: None True
