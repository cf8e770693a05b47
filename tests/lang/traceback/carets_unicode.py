# Columns are characters, not UTF-8 bytes; wide (East Asian) characters take
# two columns.
prices = {"café": 3, "thé": 2}
total = prices["café"] + prices["thé"]
print(total)
名前 = {"東京": 1}
結果 = 名前["大阪"]

# expect: 5
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 7, in <module>
# expect stderr:     結果 = 名前["大阪"]
# expect stderr:            ~~~~^^^^^^^^
# expect error: KeyError: '大阪'
