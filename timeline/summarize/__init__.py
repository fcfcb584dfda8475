"""Key dates of a corpus and a short summary of each (timeline summarization, news-tls style).

``days`` scores days by how articles refer to them, ``vectors`` holds the TF-IDF helpers, ``sentences``
picks each day's most central sentences, ``batch`` speaks the JSON Lines contract of score_tls.py.
No UI here; the settings are data (``timeline/data/summarize.json``).
"""
