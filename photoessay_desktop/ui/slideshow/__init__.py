"""The full-screen slideshow and its presenter view."""
