# CPython's own table of regular-expression cases (test/re_tests.py, ~1000
# patterns from the SRE and Perl suites): each pattern's outcome and the
# groups it captures, printed for comparison with CPython's.
import re
from test.re_tests import tests, SUCCEED, FAIL, SYNTAX_ERROR

counts = {}
for t in tests:
    pattern, s, outcome = t[0], t[1], t[2]
    try:
        obj = re.compile(pattern)
    except re.error as e:
        res = "error " + str(e)
    else:
        try:
            m = obj.search(s)
        except Exception as e:
            res = "raised " + type(e).__name__
        else:
            if m is None:
                res = "no match"
            else:
                res = "match " + repr((m.span(), m.groups(), m.groupdict()))
                if len(t) > 3:
                    g = {"found": m.group(0)}
                    for i in range(1, 100):
                        try:
                            g["g" + str(i)] = m.group(i) if m.group(i) is not None else "None"
                        except IndexError:
                            break
                    for k, v in m.groupdict().items():
                        g[k] = v if v is not None else "None"
                    try:
                        res += " " + repr(eval(t[3], g))
                    except Exception as e:
                        res += " eval " + type(e).__name__
    counts[outcome] = counts.get(outcome, 0) + 1
    print(ascii(pattern)[:60], ascii(s)[:30], res[:160])
print(counts)
