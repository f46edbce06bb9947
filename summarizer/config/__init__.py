"""Settings: one ``Config`` of sections, one per stage (``sections``), the machinery a section checks
itself with (``fields``), and the bounded YAML reader for profiles and ``--set`` (``yaml_safe``)."""
