"""The essay as plain data (pydantic models) and pure helpers over it: no Qt, no Pillow, no files."""
