import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
print(keyword.iskeyword("True"), keyword.iskeyword("print"), sorted(keyword.__all__))
