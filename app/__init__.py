"""Partnership Desk core: models, storage and services, with no Qt import."""

__version__ = "0.1.0"
