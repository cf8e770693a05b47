café = 1
π = 3.14
日本 = "Japan"
résumé = café + 1
_x = 1
__x__ = 2
x1 = 3
ñ = 'ñ'
def naïve(ümlaut):
    return ümlaut
class Ünïcödé: pass
print(café, π, 日本, ñ)
