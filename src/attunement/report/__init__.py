"""Reports of one analysed session: in the terminal (Rich) and as a self-contained HTML page.

``summary`` decides what is said, ``terminal`` and ``html`` how it is drawn, ``charts`` returns
plain SVG strings that the web app reuses. Nothing here imports Django.
"""
