"""Measuring the analysers against expert-coded public conversations (`attune eval`).

The datasets only measure: nothing here is trained on them, and no dataset text is kept.
"""
