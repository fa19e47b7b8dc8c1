# Every helper module appends its name here when its body runs
# (list.append is atomic, so a body that ran twice is counted twice).
runs = []
