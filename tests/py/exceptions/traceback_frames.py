# traceback entries carry their frames (tb_frame: code, globals, locals as
# they were, f_back towards the caller), tb_next is writable and refuses
# loops, types.TracebackType can be built, frame.clear() drops the locals
import sys
def inner(x):
    y = x * 2
    return 1 / 0
def outer():
    z = "zz"
    return inner(3)
try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb:
        f = tb.tb_frame
        print(f.f_code.co_name, tb.tb_lineno, f.f_lineno if f.f_back else "-", sorted(f.f_locals.items()) if f.f_code.co_name != '<module>' else '-',
              f.f_back.f_code.co_name if f.f_back else None, "__name__" in f.f_globals)
        tb = tb.tb_next
    print(type(e.__traceback__.tb_lasti))
    t2 = e.__traceback__.tb_next
    try:
        t2.tb_next = e.__traceback__
    except ValueError as err:
        print("ValueError:", err)
    try:
        t2.tb_next = 5
    except TypeError as err:
        print("TypeError:", err)
    e.__traceback__.tb_next = None
    print(e.__traceback__.tb_next)
    tb3 = type(e.__traceback__)(None, sys._getframe(), 4, 7)
    print(tb3.tb_lineno, tb3.tb_lasti, tb3.tb_frame.f_code.co_name)
    t2.tb_frame.clear()
    print(t2.tb_frame.f_locals)
# a re-raise through the same frame, and a frame holding its own exception
def holder():
    local_list = [1, 2]
    try:
        raise KeyError("k")
    except KeyError as e:
        return e
e = holder()
print(sorted(e.__traceback__.tb_frame.f_locals))
import gc
class Big:
    pass
import weakref
def cyc():
    b = Big()
    try:
        raise ValueError
    except ValueError as exc:
        keep = exc          # exc -> tb -> frame -> locals -> exc
    return weakref.ref(b)
r = cyc()
gc.collect()
print(r())
