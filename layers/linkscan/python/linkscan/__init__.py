"""linkscan: detect illegal cash-loan, counterfeit and contraband offerings in links and mini-programs.

Domain code only: nothing in this package imports boto3 except :mod:`linkscan.storage`.
"""

__version__ = "0.1.0"
