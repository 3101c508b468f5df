"""Project-made illustrations and decorative patterns, generated deterministically."""
