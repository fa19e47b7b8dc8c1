# list algorithms written by hand
def bubble_sort(items):
    a = items.copy()
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a

data = [5, 2, 9, 1, 5, 6, -3]
print(bubble_sort(data))
print(data)

def binary_search(a, x):
    lo = 0
    hi = len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

s = [1, 3, 5, 7, 9, 11]
print(binary_search(s, 7), binary_search(s, 4), binary_search(s, 1), binary_search(s, 11))

def flatten(lst):
    out = []
    for x in lst:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out

print(flatten([1, [2, [3, [4]], 5], [], [[6]]]))
def rotate(a, k):
    k = k % len(a)
    return a[-k:] + a[:-k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3, 4, 5], -1))
