"""Checks of the whole project (pages, data, editorial rules, visits, calendar): the runner, the build's gate
and `nmm check-content`. Above the feature packages it calls."""
