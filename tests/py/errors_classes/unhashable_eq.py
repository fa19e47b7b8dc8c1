class A:
    def __eq__(self, o): return True
print(A() == 1)
{A(): 1}
