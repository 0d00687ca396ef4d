"""Exports an essay for readers: a web page folder and a PDF.

Sits above storage, imaging and preflight; never imports QtWidgets.
"""
