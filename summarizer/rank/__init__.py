"""The registry of ranking algorithms.

An algorithm is one class in a module of this package, a ``Scorer`` or a ``Selector``
(``base.py``); adding one is that module and one line here.
"""

from __future__ import annotations

from .base import Algorithm
from .centroid import Centroid
from .concepts import Concepts
from .coverage import Coverage
from .lexrank import LexRank
from .sumy_adapters import KL, Edmundson, Lsa, Luhn, Reduction, SumBasic
from .textrank import TextRank

ALGORITHMS: dict[str, type[Algorithm]] = {cls.name: cls for cls in (
    Centroid,
    LexRank,
    TextRank,
    Coverage,
    Concepts,
    Lsa,
    Luhn,
    KL,
    SumBasic,
    Edmundson,
    Reduction,
)}
