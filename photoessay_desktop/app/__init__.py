"""Composition root: parses arguments, builds the objects, and starts Qt only when a window is
needed."""
