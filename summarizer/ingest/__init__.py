"""Ingest: inputs to ``Source`` objects and their classified text.

``load`` (paths, folders, standard input) and ``web`` (addresses) read; ``decoding`` turns bytes into
text; ``structure`` classifies each line or paragraph; ``segment`` splits sentences; ``language``
detects the language; ``dates`` reads when each source was published."""
