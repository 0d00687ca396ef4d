"""Editorial checks as pure functions over an essay and the facts known about its images.

No Qt, no file access.
"""
