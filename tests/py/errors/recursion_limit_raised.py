# a million-deep recursion (limit raised): RecursionError, and the long
# traceback is printed collapsed and freed without overflowing the C stack
import sys
sys.setrecursionlimit(1000000)
def f(n):
    return f(n + 1)
print("start")
f(0)
