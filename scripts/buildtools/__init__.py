"""Fast builds: the languages built in parallel processes or CI jobs, then assembled into one site."""
