# format() and f-strings with complex numbers.
z = 1.5 + 2.25j
for spec in ['', 'g', '.2f', '.3e', 'E', 'F', '.1g', '+g', ' g', '>20', '<20', '^20', '*^20.2f',
             '+.1f', '#g', 'n', '10', '.0f', 'z.1f']:
    print(repr(spec), repr(format(z, spec)))
for v in [2j, -2j, -0.0 - 1j, 1e20 + 1e-20j, complex(float('nan'), float('inf'))]:
    print(repr(format(v, '')), repr(format(v, 'g')), repr(format(v, '.3f')), repr(format(v, '>15')))
print(f'{z}', f'{z:.1f}', f'{z!r:>12}', '{:.2e}'.format(z), '%s' % (z,))
for spec in ['010', '=10', 'd', 'x', '%', ',d', '.f']:
    try:
        print(format(z, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
