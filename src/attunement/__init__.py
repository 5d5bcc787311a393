"""Attunement: build and measure the coaching connection."""

__version__ = "0.1.0"
