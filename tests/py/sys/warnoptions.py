# sys.warnoptions and sys._xoptions exist (warnings.py reads them at import).
import sys
print(sys.warnoptions, type(sys.warnoptions).__name__)
print(sys._xoptions, type(sys._xoptions).__name__)
