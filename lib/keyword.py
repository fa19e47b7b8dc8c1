"""Keywords of the Python language (Tandem's own keyword module).

iskeyword(s) tells whether s is a reserved word, issoftkeyword(s) whether it
is a soft keyword (only a keyword in some contexts, such as `match`).
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True',
    'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass',
    'raise', 'return', 'try', 'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
