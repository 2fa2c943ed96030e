"""Helpers for developers: a real browser, a throwaway server, screenshots and benchmarks."""
