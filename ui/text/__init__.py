"""All UI text in Bahasa Indonesia, one module per page plus `common` for shared strings."""
