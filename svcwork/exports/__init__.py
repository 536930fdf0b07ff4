"""Readers for what clients really export: dates and local times, encodings, files, XES logs, scales.

Each module is a set of pure functions that turn raw text or bytes into typed values plus a
small record of what was read, proven or guessed; :mod:`svcwork.intake` turns those records into
problems (errors and warnings) with sheet, row and column.
"""
