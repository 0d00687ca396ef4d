"""The editing session: the open essay, its undo stack and the undo commands.

QtCore/QtGui only, never QtWidgets.
"""
