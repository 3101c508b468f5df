"""Translation freshness: source hashes, status per page and language, mark-translated."""
