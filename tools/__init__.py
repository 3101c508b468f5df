"""Developer tools kept out of the installed package (run from the checkout: `python -m tools.<name>`)."""
