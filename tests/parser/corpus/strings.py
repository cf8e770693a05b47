'single'
"double"
'''triple single'''
"""triple double"""
'it\'s'
"say \"hi\""
"it's"
'say "hi"'
'both \' and "'
''
""
''''''
""""""
'a' 'b'
'a' "b" '''c''' """d"""
('a'
 'b'
 'c')
'\n\t\r\\\'\"\a\b\f\v\0'
'\x41\x7f\x80\xff'
'\101\0\7\77\777'
'\u0041\u00e9\u20ac\uffff'
'\U00000041\U0001F600\U0010FFFF'
'\N{BULLET}\N{EM DASH}'
'\d\w\s\q'
'line \
continued'
'''multi
line
string'''
"""with 'quotes' and "quotes" inside"""
r'raw\n\t'
R'raw'
r"\""
r'\''
rb'raw bytes\n'
Rb'x'
bR'x'
BR'x'
br'x'
b'bytes'
B'bytes'
b'\x00\x01\xff'
b'\n\t\\'
b'\u1234'
b'\N{BULLET}'
b'a' b'b'
u'unicode'
u'a' 'b'
'a' u'b'
U'upper u'
'é'
'日本語'
'\ud800'
'😀'
'tab	inside'
'control\x01\x1f\x7f'
'\x85\xa0\xad'
'\u2028\u2029\u200b\ufeff'
"quote ' only"
'dq " only'
'both \' "'
b"quote ' only"
b'both \' "'
'\\'
'\\\\'
