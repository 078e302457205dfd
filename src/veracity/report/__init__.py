"""Reports: text, JSON, Markdown and HTML views of one reconciliation."""
