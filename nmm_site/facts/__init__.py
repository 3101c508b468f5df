"""Facts stored once in data/*.yml, validated with line numbers and rendered per language."""
