"""Ingest: files, folders, feeds and HTML read into `Document`s, with their language."""
