"""Widgets: main window, slide list, viewer, edit panel, slideshow, presenter.

They never open files or decode pixels.
"""
