"""The `newsbrief` command: composes the library (`summarizer`, `models`), the service (`api`) and
the evaluation (`eval`). Nothing below imports from here except the edges that read the environment."""
