"""Checks of a built site: a local static server, links and anchors, the Nu Html Checker, axe-core, privacy."""
