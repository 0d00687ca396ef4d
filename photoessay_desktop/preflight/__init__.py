"""Editorial checks as pure functions over an essay and the facts known about its images.

`check_essay` runs them all; `Finding` and `Severity` are what it returns. No Qt, no file access,
no imaging or storage imports: image facts come in as data.
"""

from photoessay_desktop.preflight.finding import Finding, Severity
from photoessay_desktop.preflight.run_checks import check_essay

__all__ = ["Finding", "Severity", "check_essay"]
