"""veracity: reconcile several accounts of the same event into one record you can trust.

Public API: `check(paths)` and `check_texts([(id, text), ...])` return a `Report`;
`Report.to_dict()` is the JSON of the report contract.
"""

from veracity.errors import InputError
from veracity.pipeline import Report, check, check_documents, check_texts

__all__ = ["InputError", "Report", "check", "check_documents", "check_texts"]
__version__ = "0.1.0"
