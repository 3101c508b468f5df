"""Tooling for the Northern Midlands and Mountains site: one package per feature."""
