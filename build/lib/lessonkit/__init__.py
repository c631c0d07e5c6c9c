"""lessonkit: turn a course written in YAML into a calm, private, accessible study site."""

__version__ = "0.1.0"
