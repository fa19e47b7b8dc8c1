#!/usr/bin/env python3
"""tools/gen_ast_nodes.py — writes core/modules/ast_nodes.inc, the table of
CPython 3.11's AST node classes (Parser/Python.asdl) that the _ast module
(core/modules/ast.c) and the conversions between Python AST objects and
Tandem's C AST (core/modules/ast_convert.c) are driven by.

Run it under CPython 3.11: it reads the class hierarchy, fields, attributes
and docstrings from CPython's own _ast, and maps each field onto the member
of core/compiler/ast.h that holds it.

    python3 tools/gen_ast_nodes.py > core/modules/ast_nodes.inc
"""
import _ast
import re
import sys

assert sys.version_info[:2] == (3, 11), "run under CPython 3.11"

# Abstract (sum) and product types in Python.asdl order.
TYPES = ["mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop",
         "cmpop", "comprehension", "excepthandler", "arguments", "arg", "keyword",
         "alias", "withitem", "match_case", "pattern", "type_ignore"]
PRODUCTS = {"comprehension", "arguments", "arg", "keyword", "alias", "withitem",
            "match_case"}
ENUMS = {"expr_context", "boolop", "operator", "unaryop", "cmpop"}

# C struct of each category (None: Tandem's C AST has no such node).
STRUCT = {"mod": "TnMod", "stmt": "TnStmt", "expr": "TnExpr", "pattern": "TnPattern",
          "comprehension": "TnComprehension", "excepthandler": "TnExceptHandler",
          "arguments": "TnArguments", "arg": "TnArg", "keyword": "TnKeyword",
          "alias": "TnAlias", "withitem": "TnWithItem", "match_case": "TnMatchCase",
          "type_ignore": None}
# Union member of the kind-tagged structs, where it is not the lower-cased name.
MEMBER = {"FunctionDef": "functiondef", "AsyncFunctionDef": "functiondef",
          "Return": "return_", "Delete": "delete_", "For": "for_", "AsyncFor": "for_",
          "While": "while_", "If": "if_", "AsyncWith": "with", "Try": "try_",
          "TryStar": "try_", "Assert": "assert_", "ListComp": "comp", "SetComp": "comp",
          "GeneratorExp": "comp", "Await": "await_", "MatchValue": "value",
          "MatchSingleton": "singleton", "MatchSequence": "sequence",
          "MatchMapping": "mapping", "MatchClass": "class_", "MatchStar": "star",
          "MatchAs": "as", "MatchOr": "or_"}
KIND = {"Module": "TN_MODE_FILE", "Interactive": "TN_MODE_SINGLE",
        "Expression": "TN_MODE_EVAL", "FunctionType": "0",
        "MatMult": "TN_OP_MATMUL", "Mult": "TN_OP_MULT", "Sub": "TN_OP_SUB",
        "Add": "TN_OP_ADD", "Div": "TN_OP_DIV", "Mod": "TN_OP_MOD", "Pow": "TN_OP_POW",
        "LShift": "TN_OP_LSHIFT", "RShift": "TN_OP_RSHIFT", "BitOr": "TN_OP_BITOR",
        "BitXor": "TN_OP_BITXOR", "BitAnd": "TN_OP_BITAND", "FloorDiv": "TN_OP_FLOORDIV"}
KIND_PREFIX = {"stmt": "TN_STMT_", "expr": "TN_EXPR_", "expr_context": "TN_CTX_",
               "boolop": "TN_BOOL_", "unaryop": "TN_UOP_", "cmpop": "TN_CMP_"}
# Fields that Tandem's C AST does not keep: always None / [] when converted
# to objects, ignored (after type checks) when converted back.
NOT_KEPT = {"type_comment", "type_ignores"}


def ctype(cat, name, field):
    """offsetof() expression of field in the C struct, or -1."""
    if field in NOT_KEPT or STRUCT.get(cat) is None or name == "FunctionType":
        return "-1"
    st = STRUCT[cat]
    if cat == "mod":
        return f"offsetof(TnMod, {'expr' if name == 'Expression' else 'body'})"
    if cat in ("stmt", "expr", "pattern"):
        member = MEMBER.get(name, name.lower())
        return f"offsetof({st}, v.{member}.{field})"
    return f"offsetof({st}, {field})"


def kind_of(cat, name):
    if name in KIND:
        return KIND[name]
    if cat == "pattern":
        return "TN_PAT_" + name[5:].upper()
    if cat in KIND_PREFIX:
        return KIND_PREFIX[cat] + name.upper()
    return "0"


def sig_fields(doc):
    m = re.match(r"(\w+)\((.*)\)$", doc.strip())
    if not m or not m.group(2):
        return []
    out = []
    for part in m.group(2).split(", "):
        typ, fname = part.split(" ")
        qual = "ONE"
        if typ.endswith("*"):
            typ, qual = typ[:-1], "SEQ"
        elif typ.endswith("?"):
            typ, qual = typ[:-1], "OPT"
        out.append((fname, typ, qual))
    return out


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def emit(name, cat, base, abstract):
    cls = getattr(_ast, name)
    doc = cls.__doc__
    fields = [] if abstract else sig_fields(doc)
    assert tuple(f[0] for f in fields) == cls._fields, name
    attrs = cls._attributes
    # int? end positions (class attribute None) or required ones (pattern).
    attrs_opt = "end_lineno" in attrs and "end_lineno" in vars(getattr(_ast, cat))
    st = STRUCT.get(cat)
    loc = f"offsetof({st}, loc)" if st and attrs and name != "TypeIgnore" else "-1"
    size = f"sizeof({st})" if st and name != "FunctionType" else "0"
    print(f"    {{{c_str(name)}, {c_str(base)}, TN_AST_{cat.upper()}, {'0' if abstract else kind_of(cat, name)},")
    print(f"     {'true' if abstract else 'false'}, {len(attrs)}, {'true' if attrs_opt else 'false'}, {size}, {loc},")
    print(f"     {c_str(doc)},")
    print(f"     {len(fields)}, {{", end="")
    sep = ""
    for fname, typ, qual in fields:
        print(f"{sep}\n        {{{c_str(fname)}, TN_AST_{typ.upper()}, TN_ASTQ_{qual}, "
              f"{ctype(cat, name, fname)}}}", end="")
        sep = ","
    print("}},")


print("/* core/modules/ast_nodes.inc — generated by tools/gen_ast_nodes.py from")
print(" * CPython 3.11's _ast: one row per AST class (see core/modules/ast_nodes.h). */")
for cat in TYPES:
    base = getattr(_ast, cat)
    if cat in PRODUCTS:
        emit(cat, cat, "AST", False)
        continue
    emit(cat, cat, "AST", True)
    # "expr_context = Load | Store | Del", one constructor after each = or |.
    names = re.findall(r"[=|]\s*(\w+)", base.__doc__)
    for n in names:
        emit(n, cat, cat, False)
