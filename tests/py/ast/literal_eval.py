# ast.literal_eval: the literals it accepts and its errors.
import ast

for s in ["1", "-2.5", "+3", "1+2j", "-1-2j", "'s'", "b'b'", "(1, [2, {3: 4}], {5})", "None", "True",
          "set()", "  [1, 2]  ", "{'a': (1,)}", "...", "0x10", "1_0"]:
    print(repr(s), repr(ast.literal_eval(s)))
for s in ["x", "1 + x", "f()", "[1, y]", "{1: z}", "2 ** 3", "'a' + 'b'", "-'a'", "{**a}", "1 +", ""]:
    try:
        print(repr(s), ast.literal_eval(s))
    except (ValueError, SyntaxError, TypeError) as e:
        msg = str(e)
        if " object at 0x" in msg:   # the repr's address differs from run to run
            msg = msg.split(" object at 0x")[0] + " object>"
        print(repr(s), type(e).__name__, msg)
print(ast.literal_eval(ast.parse("(1, 2)", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))
