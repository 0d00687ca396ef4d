"""User preferences and window state as a pydantic model stored under platformdirs. No Qt."""
