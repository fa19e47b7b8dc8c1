# string literal forms
print('single quotes')
print("double quotes")
print('it\'s escaped')
print("say \"hi\"")
print("mixed 'quotes' inside")
print('mixed "quotes" inside')
print("""triple double
spans lines""")
print('''triple single
  keeps   indentation''')
print("""quote " inside triple""")
print("""ends with newline
""")
print('' == "", len(''), len(""""""))
print("implicit " 'concatenation ' """of literals""")
s = ("a"
     "b"
     "c")
print(s)
print("line one\
 continued")
