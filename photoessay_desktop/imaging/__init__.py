"""Pixels from Pillow: header facts, decoding for a target size, orientation, colour, caches,
remote fetch and metadata. No Qt.
"""
