"""Evaluation harness: datasets, systems, metrics and reports."""
