"""Analytics layer of the ASN talent dashboard: store, rules, queries, I/O. Never imports Streamlit."""
