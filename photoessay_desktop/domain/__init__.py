"""The essay as plain data (pydantic models) and pure helpers over it.

No Qt, no Pillow, no files.
"""
