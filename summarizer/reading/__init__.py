"""Reading: files and records in, clean English text out, split into sentences, within the limits."""
