"""The sample data: the 2023 advanced-packaging agreement and its fictional surroundings."""

from __future__ import annotations

from app.demo import REFERENCE_NO, load_demo

__all__ = ["REFERENCE_NO", "load_demo"]
