"""The quiz: questions generated from the content, reproducible from a seed, scored without storing anything."""
