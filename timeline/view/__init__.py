"""The view logic: the timeline's filters and frame, its Plotly chart (lanes, traces, layers, range),
palette, article highlighting and the downloads (CSV, JSON, TimelineJS, offline HTML).

Pure Python over the engine's records: nothing here imports streamlit (the pages in ``timeline.ui`` do).
"""
