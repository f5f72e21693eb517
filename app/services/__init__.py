"""Service functions: one user action each, plain dataclasses in and out."""
