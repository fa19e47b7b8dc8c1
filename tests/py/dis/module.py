# The dis module exists and has CPython's entry points (Tandem's bytecode
# differs from CPython's by design, so listings are not compared here).
import dis

print(callable(dis.dis), 'LOAD_CONST' in dis.opmap, 'RETURN_VALUE' in dis.opmap)
print(dis.opname[dis.opmap['LOAD_CONST']], len(dis.opname))
print(all(dis.opname[v] == k for k, v in dis.opmap.items()))
try:
    dis.dis(5)
except TypeError as e:
    print(e)

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

def f(a, b=2):
    return a + b

import sys
w = W()
old = sys.stdout
sys.stdout = w
dis.dis(f)
dis.dis("x = 1")
sys.stdout = old
text = ''.join(w.parts)
print('LOAD_FAST' in text, 'RETURN_VALUE' in text, 'STORE_NAME' in text)
w2 = W()
dis.dis(f, file=w2)
print(''.join(w2.parts) == ''.join(w.parts[:len(w2.parts)]))
