"""Publications for the offices: printable PDFs, stable short links with QR codes, share cards, Atom feeds."""
