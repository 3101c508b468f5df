"""The pull-request review report and the side-by-side review pages of a preview build."""
