def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return "one"
        r = 10 // (x - 2)
    except ValueError as e:
        print("VE", e)
        return "ve"
    except ZeroDivisionError:
        print("ZDE")
    else:
        print("else", r)
    finally:
        print("finally", x)
    return "end"
for i in range(4):
    print(f(i))
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(g())
def h():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
    try:
        raise TypeError("t")
    except (ValueError, TypeError) as e:
        print("tuple caught", e)
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("from handler")
    except ValueError as e:
        print("ctx", type(e.__context__).__name__)
    try:
        raise ValueError("x") from KeyError("y")
    except ValueError as e:
        print("cause", repr(e.__cause__))
    try:
        pass
    finally:
        print("empty try")
    x = 5
    try:
        return x
    finally:
        print("returning")
print(h())
def k():
    try:
        raise ValueError
    except:
        print("bare")
    try:
        try:
            raise KeyError(1)
        except ValueError:
            print("no")
    except KeyError:
        print("propagated")
    for j in range(3):
        try:
            raise ValueError(j)
        except ValueError as e:
            if j == 1:
                continue
            if j == 2:
                break
            print("loop exc", e)
    try:
        raise ValueError("in except")
    except ValueError:
        try:
            raise KeyError("nested")
        except KeyError as e2:
            print("nested", e2)
        print("still handling")
    def ret_in_except():
        try:
            raise ValueError
        except ValueError:
            return "from except"
    print(ret_in_except())
    def ret_in_finally():
        try:
            return 1
        finally:
            return 2
    print(ret_in_finally())
    def exc_in_finally():
        try:
            raise ValueError("a")
        finally:
            print("fin runs")
    try:
        exc_in_finally()
    except ValueError as e:
        print("after", e)
    try:
        e = 1
        raise ValueError
    except ValueError as e:
        pass
    try:
        print(e)
    except NameError as ne:
        print("unbound e:", ne)
k()
