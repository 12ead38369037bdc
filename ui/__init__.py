"""Streamlit-side helpers shared by the pages: state, sidebar filters, caching, charts, text."""
