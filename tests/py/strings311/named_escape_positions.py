# Error positions of bad \N{...} escapes count non-ASCII characters as CPython does.
for src in ['"\\N{\xe9}"', '"\\N{LATIN SMALL LETTER \xe9}x"', '"\\N{\xe9"']:
    try:
        eval(src)
    except SyntaxError as e:
        print(e)
