"""GitHub push receiver that refuses redeliveries through a de-duplication helper."""
