# itertools: argument errors with CPython's exception types and messages.
import itertools as it
calls = [
 "it.count('a')", "it.count(1, 'a')", "it.count(1,2,3)", "it.count(start=1, foo=2)", "it.count(x=1)",
 "it.cycle()", "it.cycle(1)", "it.cycle([], x=1)", "it.cycle([], [])",
 "it.repeat()", "it.repeat(1, 'a')", "it.repeat(1, 2, 3)", "it.repeat(1, times=None)", "len(it.repeat(1))", "it.repeat(1).__length_hint__()", "it.repeat(1,-3).__length_hint__()",
 "it.accumulate()", "it.accumulate(1)", "it.accumulate([1], None, None)", "list(it.accumulate([1,'a']))",
 "it.chain(1)", "list(it.chain(1))", "it.chain(x=1)", "it.chain.from_iterable()", "list(it.chain.from_iterable([1]))",
 "it.compress()", "it.compress([1])", "it.compress(1, [1])", "it.compress([1], 1)", "it.compress(data=[1], selectors=[1])",
 "it.dropwhile()", "it.dropwhile(None)", "it.dropwhile(None, 1)", "list(it.dropwhile(None, [1]))", "it.dropwhile(None, [], x=1)",
 "it.takewhile(len)", "it.filterfalse(None)", "it.filterfalse(None, 1)",
 "it.groupby()", "it.groupby(1)", "it.groupby([], 1, 2)", "it.groupby(iterable=[], key=None, x=1)",
 "it.islice()", "it.islice([])", "it.islice(1, 2)", "it.islice([], 'a')", "it.islice([], -1)", "it.islice([], 1, 'a')", "it.islice([], -1, 2)", "it.islice([], 1, 2, 0)", "it.islice([], 1, 2, -1)", "it.islice([], 1, 2, 'a')", "it.islice([],1,2,3,4)", "it.islice([], stop=1)", "it.islice([], 2**64)",
 "it.pairwise()", "it.pairwise(1)", "it.pairwise([], [])",
 "it.starmap()", "it.starmap(len)", "it.starmap(len, 1)", "list(it.starmap(len, [1]))",
 "it.tee()", "it.tee(1)", "it.tee([], -1)", "it.tee([], 'a')", "it.tee([], 1, 2)", "it.tee([], n=2)",
 "it.zip_longest(1)", "it.zip_longest([], x=1)", "it.zip_longest([], fillvalue=1, x=2)",
 "it.product(1)", "it.product([], repeat=-1)", "it.product([], repeat='a')", "it.product([], x=1)",
 "it.permutations()", "it.permutations(1)", "it.permutations([], -1)", "it.permutations([], 'a')", "it.permutations([], 1, 2)",
 "it.combinations([])", "it.combinations([], -1)", "it.combinations(1, 1)", "it.combinations([], 'a')", "it.combinations_with_replacement([], -1)", "it.combinations_with_replacement([])",
 "next(it.islice(it.count(), 2**63, None))",
]
for c in calls:
    try:
        r = eval(c)
        print(c, "->", repr(r) if not hasattr(r, '__next__') else type(r).__name__)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
