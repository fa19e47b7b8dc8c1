def f1():
    out = []
    for i in range(4):
        try:
            try:
                if i == 0:
                    continue
                if i == 1:
                    raise ValueError(i)
                if i == 3:
                    return out
                out.append(('body', i))
            except ValueError as e:
                out.append(('ve', e.args[0]))
                continue
            finally:
                out.append(('fin', i))
        finally:
            out.append(('outer fin', i))
    return 'unreachable'
print(f1())
def f2():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            try:
                return i * 10
            finally:
                print('inner fin', i)
print(f2())
def f3():
    r = []
    while True:
        try:
            r.append(1)
            if len(r) > 2:
                break
        finally:
            r.append('f')
    return r
print(f3())
def f4():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError:
            pass
        import_ok = True
    return import_ok
print(f4())
def f5(n):
    try:
        return [1 / x for x in range(n, -1, -1)]
    except ZeroDivisionError as e:
        return str(e)
    finally:
        print('f5 fin')
print(f5(2))
def f6():
    x = 0
    try:
        x = 1
        raise RuntimeError
    except (KeyError, RuntimeError):
        x += 10
    else:
        x += 100
    return x
print(f6())
def f7():
    try:
        try:
            raise ValueError('inner')
        except ValueError:
            raise
    except ValueError as e:
        return 'reraised ' + str(e)
print(f7())
def f8():
    for i in range(2):
        for j in range(2):
            try:
                if j == 1:
                    break
            finally:
                print('f8 fin', i, j)
    return i, j
print(f8())
import_err = None
try:
    raise ValueError
except ValueError as e:
    import_err = e
print(type(import_err).__name__)
try:
    print(e)
except NameError:
    print('e deleted')
try:
    try:
        1/0
    finally:
        print('finally before propagate')
except ZeroDivisionError:
    print('propagated out')
