"""Profiles: an event type as data (attributes, cue words per language, patterns), read by `extract`."""
