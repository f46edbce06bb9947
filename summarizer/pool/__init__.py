"""Pool: the sentences of all sources, pooled and deduplicated, with what every later stage reads.

``sentences`` pools the text blocks' sentences; ``features`` and ``similarity`` give stems, TF-IDF and
similarity graphs; ``dedup`` collapses copies and near-duplicates into passages; ``editorial`` and
``neutrality`` give the prior and which members may be quoted."""
