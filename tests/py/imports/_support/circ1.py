from _support.circ2 import thing2
thing1 = 1
