"""Files: the project file (load, atomic save, versions), article text import and export. No Qt."""
