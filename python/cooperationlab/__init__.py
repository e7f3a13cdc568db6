"""CooperationLab from Python: results as pandas data frames, the ``reproduce`` tool as functions.

>>> import cooperationlab as cl
>>> results = cl.load(".")            # doctest: +SKIP
>>> results.claims().headline.value_counts()   # doctest: +SKIP
"""

from .games import nfg_text
from .results import Paper, Results, load
from .tool import Tool, ToolError, find_executable

__all__ = ["Paper", "Results", "Tool", "ToolError", "find_executable", "load", "nfg_text"]
__version__ = "0.1.0"
