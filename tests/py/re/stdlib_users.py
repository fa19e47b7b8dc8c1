# Library modules built on re: string.Template, textwrap, fnmatch, difflib.
import string, textwrap, fnmatch, difflib

t = string.Template("$who likes ${what}; $$ is dollar")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(t.get_identifiers(), t.is_valid())
try:
    string.Template("$1bad").substitute()
except ValueError as e:
    print("ValueError:", e)
try:
    t.substitute(who="a")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   wORLD  foo"))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill("a-b-c hyphenated-words are-split here", 12))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\ny\n", "> ")))
print(textwrap.shorten("Hello  world, this is a long line", width=20))
print(fnmatch.fnmatchcase("foo.py", "*.py"), fnmatch.translate("[!a-c]?*.txt"))
print(fnmatch.fnmatchcase("Foo.PY", "*.py"), fnmatch.fnmatchcase("x[1]", "x[[]1]"))
print(list(difflib.ndiff(["one\n", "two\n"], ["one\n", "too\n"])))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"], "x", "y", lineterm="")))
print(difflib.IS_LINE_JUNK("  # \n"), difflib.IS_LINE_JUNK("x"))
