"""Output: a brief as JSON, Markdown or HTML."""
