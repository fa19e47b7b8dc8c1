# Long subjects and deep nesting: the matcher keeps its backtracking on the heap.
import re

n = 200000
s = "a" * n
print(len(re.match(r"(?:a|b)*", s).group()), re.match(r"(a|b)*c", s + "c").span(1))
print(re.match(r"(?:(a)|b)*?$", s).span(1), len(re.findall(r"a", s)))
print(re.fullmatch(r"(?:a+?)*", s[:5000]) is not None, re.match(r"(?:x?a)*", s).end())
print(re.search(r"(a)\1*b", s + "b").span(1), re.match(r"((?:ab)*)c", "ab" * 50000 + "c").end())
print(re.sub(r"(a)", r"\1", s[:50000]) == s[:50000], len(re.split(r"a", s[:30000])))
nested = "(" * 90 + "a" + ")" * 90
p = re.compile(nested + "b")
print(p.groups, p.match("ab").span(90), p.match("ac"))
p = re.compile("(?:" * 90 + "a|b" + ")*" * 90)
print(p.match("abab" * 100).end())
print(re.match("(?=" * 50 + "a" + ")" * 50, "a"), re.match("(?>" * 60 + "a+" + ")" * 60 + "b", "aab"))
print(re.match(r"(x+x+)+y", "x" * 18), re.search(r"(.*)*\d", "a" * 18))
print(re.match(r"(?:a*)*b", "a" * 5000 + "b").end(), re.match(r"(?:a|aa)+b", "a" * 3000 + "b").end())
print(re.match(r"(a+)+b", "a" * 3000 + "b").span(1))
