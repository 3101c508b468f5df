"""Search that works for Vietnamese: one index per language, diacritic-insensitive."""
