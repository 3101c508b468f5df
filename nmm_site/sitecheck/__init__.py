"""Checks of a built site: local server, links and anchors, Nu Html Checker, axe-core, privacy."""
