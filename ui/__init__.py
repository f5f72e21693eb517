"""The PySide6 desktop program. It reaches data only through app.services."""
