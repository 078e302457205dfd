"""Report renderers: JSON (the contract), text, Markdown, HTML."""
