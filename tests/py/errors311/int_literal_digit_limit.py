# A decimal literal over the int max-str-digits limit (4300) is a
# SyntaxError at compile time, on the literal's lines without columns, as
# CPython's _PyPegen_number_token reports it; hex literals and floats have
# no limit; int() of such a string is still a ValueError.
import sys

def report(label, src, mode="exec"):
    try:
        compile(src, "<src>", mode)
        print(label, "compiles")
    except SyntaxError as e:
        print(label, type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset,
              len(e.text.rstrip()), e.msg[:70], e.msg[-60:])

big = "1" * 5000
report("assign", "x = " + big)
report("in parens", "x = (\n    " + big + ")")
report("eval mode", big, "eval")
report("underscores", "x = 1_" + "2" * 4400)
report("at limit", "x = " + "9" * 4300)
report("hex", "x = 0x" + "f" * 5000)
report("float", "x = " + big + ".5")
report("imaginary", "x = " + big + "j")
try:
    int(big)
except ValueError as e:
    print("int():", str(e)[:60])
try:
    exec("y = " + big)
except SyntaxError as e:
    print("exec:", e.filename, e.lineno, e.offset, repr(e.text[:8]))
sys.set_int_max_str_digits(6000)
report("raised limit", "x = " + big)
sys.set_int_max_str_digits(640)
report("limit 640", "x = " + "7" * 640)
report("lowered limit", "x = " + "7" * 700)
