"""Lexicon data files (number words and the like), read by `extract`."""
