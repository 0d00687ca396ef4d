"""Adapters from the document to Qt's model/view, and the display image loader.

They hold no essay data of their own.
"""
