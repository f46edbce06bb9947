"""Facts: what the pooled sentences claim, and who reports it.

``figures`` reads and compares the figures (disagreements, changes over time); ``claims`` gives each
sentence its anchors and ``claim_match`` decides whether one sentence reports another's main claim;
``cite`` turns the picks into cited briefing sentences."""
