"""Output: the briefing as a reader gets it.

``titles`` names the briefing and its sources; ``render`` writes Markdown and JSON, ``html_page`` the
HTML page, ``text`` what every format says alike; ``files`` writes files atomically, only where it may,
and knows a briefing by its marker."""
