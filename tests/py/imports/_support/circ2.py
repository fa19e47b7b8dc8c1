from _support.circ1 import thing1
thing2 = 2
