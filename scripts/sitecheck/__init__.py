"""Checks of a built site: a local static server, the Nu Html Checker, LinkChecker and axe-core."""
