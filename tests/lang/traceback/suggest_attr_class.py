# Attributes looked up on a class and through getattr().
class Registry:
    default_name = "main"


print(getattr(Registry, "default_name"))
try:
    getattr(Registry, "default_nam")
except AttributeError as e:
    print(e)
Registry.defualt_name

# expect: main
# expect: type object 'Registry' has no attribute 'default_nam'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     Registry.defualt_name
# expect error: AttributeError: type object 'Registry' has no attribute 'defualt_name'. Did you mean: 'default_name'?
