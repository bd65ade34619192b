"""The public blocklist: which expressions are listed, in which formats they are published, how to look up.

Everything here is plain Python (no AWS): the storage module and the two handlers do the I/O.
"""
