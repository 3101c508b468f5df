"""Content model: front matter, slugs, Vietnamese text handling and the editors' checks."""
