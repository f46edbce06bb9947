"""Settings: one ``Config`` of sections, one per stage (``sections``: the sections, the bundled profiles)
and the bounded YAML reader for profiles and ``--set`` (``yaml_safe``).  The machinery every section and
every algorithm's ``Params`` is built with is ``summarizer.params``, below the stages."""
