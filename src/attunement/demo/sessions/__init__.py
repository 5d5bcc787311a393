"""Bundled demo transcripts, written by ``python -m attunement.demo.build``; do not edit by hand."""
