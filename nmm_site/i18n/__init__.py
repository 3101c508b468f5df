"""Languages done right: page alternates, canonical URLs, sitemaps, share tags and gettext catalogs."""
