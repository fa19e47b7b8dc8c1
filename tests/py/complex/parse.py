# complex(str): CPython's grammar and errors.
for s in ['1+2j', '1-2j', '-1.5e3-2J', ' ( 1+2j ) ', '(3)', 'j', '-j', '+J', '1+j', '2-j', '5j',
          '1e5', 'inf', '-infj', 'nan+nanj', 'infinity-infinityj', '1_000+2_0j', '.5j', '1.e1j',
          '\t\n1\n', '(1j)', '1.5e-3+1e+2j', 'InF+NaNj']:
    print(repr(s), complex(s))
for s in ['', ' ', '1+2', 'x', '1+2jj', '1 + 2j', '(1+2j', '1+2j)', '1__0', '_1', '1_', 'j1', '1e', '()',
          '1+2j 3', '0x10', 'nan(1)', '1..2', '+-1j', '1+-2j', '\x00']:
    try:
        print(complex(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for args in [('1', 2), (1, '2'), ([],), (1, []), (None,)]:
    try:
        print(complex(*args))
    except TypeError as e:
        print(type(e).__name__, e)

class C:
    def __complex__(self):
        return 1 + 5j
class F:
    def __float__(self):
        return 2.5
class Bad:
    def __complex__(self):
        return 42
print(complex(C()), complex(F()), complex(F(), F()), complex(C(), 1))
try:
    complex(Bad())
except TypeError as e:
    print(type(e).__name__, e)
