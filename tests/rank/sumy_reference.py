"""sumy's own LexRank and TextRank behind the project's scorer protocol: the references the ranking
tests compare the project's vectorised versions with (not registered as algorithms)."""

from summarizer.rank.sumy_adapters import SumyScorer


class SumyLexRank(SumyScorer):
    """sumy's own LexRank, the reference the tests compare ours with (not registered)."""

    name = "sumy-lexrank"
    description = "sumy's LexRank"
    sumy_module, sumy_class = "sumy.summarizers.lex_rank", "LexRankSummarizer"


class SumyTextRank(SumyScorer):
    """sumy's own TextRank, the reference the tests compare ours with (not registered)."""

    name = "sumy-textrank"
    description = "sumy's TextRank"
    sumy_module, sumy_class = "sumy.summarizers.text_rank", "TextRankSummarizer"
