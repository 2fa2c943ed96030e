"""Classroom tools that need no server state: quiz generation and answer checking."""
