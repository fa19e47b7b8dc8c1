# _string: formatter_parser and formatter_field_name_split (what
# string.Formatter is built on), with str.format's errors.
import _string
for s in ['a{0!r:>{1}}b{{c}}{x.y[0]}', '', 'plain', '{}', '{:d}{!s}', '}}{{', '{0[a]}{0.b}x',
          'é{ü!a}ß']:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ['x.y[0][ab]', '0.a', '', '12[3]', 'a.b.c', '٣.x']:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), list(rest))
for bad in ['{', '}', 'x}y', '{0!}', '{0!rr}', 'a{0:{', '{0[}', '{0', '{!']:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for bad in ['a.', 'a[', 'a[]', 'a[0]x', 'a..b', '9' * 30]:
    try:
        first, rest = _string.formatter_field_name_split(bad)
        print(repr(bad), repr(first), list(rest))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for f in (_string.formatter_parser, _string.formatter_field_name_split):
    for args in [(1,), (b'x',), (), ('a', 'b')]:
        try:
            f(*args)
        except TypeError as e:
            print(f.__name__, "TypeError", e)
it = _string.formatter_parser('a{b}c')
print(type(it).__name__, iter(it) is it, next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
