"""Repliq: the command line and the rehearsal loop that wires an input through the
customer, grading, store and output."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("repliq")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
