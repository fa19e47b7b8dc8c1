# circ_x imports circ_y, which looks at circ_x while circ_x is unfinished.
import _support.counter as counter
counter.runs.append(__name__)
X_EARLY = 1
import _support.circ_y
X_LATE = 2
